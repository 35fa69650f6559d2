## Báo cáo kết quả thực hiện Kế hoạch (mục IV.1): dự thảo DOCX theo thể thức Nghị định 30/2020/NĐ-CP, /baocaokh, lệnh report plan
## Các khóa plan-doc-* là nội dung văn bản (luôn bằng tiếng Việt); bản tiếng Anh chỉ giữ cho danh mục đủ khóa.

plan-doc-draft = DỰ THẢO
plan-doc-nation = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
plan-doc-motto = Độc lập - Tự do - Hạnh phúc
plan-doc-number = Số:        /BC-{ $symbol }
plan-doc-place-blank = ……………
plan-doc-place-date = { $place }, ngày { $day } tháng { $month } năm { $year }
plan-doc-kind = BÁO CÁO
plan-doc-subject = Kết quả thực hiện Kế hoạch triển khai thực hiện Chỉ thị số 56-CT/TU ngày 29/01/2024 của Ban Thường vụ Tỉnh ủy về tăng cường kỷ luật, kỷ cương và trách nhiệm giải quyết công việc trong hệ thống chính trị tỉnh, năm { $year }
plan-doc-intro = Thực hiện Kế hoạch triển khai thực hiện Chỉ thị số 56-CT/TU ngày 29/01/2024 của Ban Thường vụ Tỉnh ủy về tăng cường kỷ luật, kỷ cương và trách nhiệm giải quyết công việc trong hệ thống chính trị tỉnh (mục 1 phần IV: định kỳ hằng năm báo cáo kết quả thực hiện), { $unit } báo cáo kết quả thực hiện năm { $year } như sau:
plan-doc-source = Số liệu tại báo cáo này được tổng hợp từ hệ thống theo dõi, đôn đốc giải quyết công việc cho kỳ từ { $from } đến { $to }, trong phạm vi { $units } đơn vị, { $officials } cán bộ; cách tính và danh sách nhiệm vụ, lượt xin ý kiến làm căn cứ xem tại báo cáo đánh giá (tệp Excel) cùng kỳ.
plan-doc-source-partial = Số liệu tại báo cáo này được tổng hợp từ hệ thống theo dõi, đôn đốc giải quyết công việc cho kỳ từ { $from } đến { $to } (năm chưa kết thúc: số liệu tính đến { $at }), trong phạm vi { $units } đơn vị, { $officials } cán bộ; cách tính và danh sách nhiệm vụ, lượt xin ý kiến làm căn cứ xem tại báo cáo đánh giá (tệp Excel) cùng kỳ.

plan-doc-section-results = I. KẾT QUẢ THỰC HIỆN
plan-doc-general-heading = 1. Công tác lãnh đạo, chỉ đạo, quán triệt, triển khai thực hiện
plan-doc-general-placeholder = [Văn phòng viết: việc ban hành kế hoạch, văn bản chỉ đạo; công tác quán triệt, tuyên truyền; kiểm tra, đôn đốc trong năm.]
plan-doc-tasks-heading = 2. Kết quả giải quyết nhiệm vụ được giao
plan-doc-tasks-text = Trong kỳ, cán bộ các đơn vị được giao { $received } nhiệm vụ, nhận việc đúng hạn { $accepted } nhiệm vụ; hoàn thành đúng hạn { $onTime }, hoàn thành muộn { $late }, quá hạn chưa hoàn thành { $overdue } nhiệm vụ. Tỷ lệ hoàn thành đúng hạn: { $rate }. Thời gian nhận việc (trung vị): { $median }.
plan-doc-rate = { $percent }% ({ $onTime }/{ $rated } nhiệm vụ đã hoàn thành hoặc đã đến hạn)
plan-doc-rate-none = chưa có nhiệm vụ đến hạn
plan-doc-hours = { $hours } giờ làm việc
plan-doc-hours-none = chưa có số liệu
plan-doc-table-tasks = Bảng 1. Kết quả giải quyết nhiệm vụ theo đơn vị
plan-doc-consult-heading = 3. Kết quả trả lời xin ý kiến, thể hiện rõ quan điểm, chính kiến
plan-doc-consult-text = Trong kỳ có { $received } lượt xin ý kiến cán bộ các đơn vị; trả lời đúng hạn { $inTime }, trả lời muộn { $late }, quá hạn chưa trả lời { $unanswered } lượt; { $noStance } lượt có trả lời không nêu rõ quan điểm. Tỷ lệ trả lời có nêu rõ quan điểm: { $stance }. Thời gian trả lời (trung vị): { $median }.
plan-doc-stance-rate = { $percent }% ({ $answered }/{ $received } lượt)
plan-doc-stance-none = chưa có lượt xin ý kiến
plan-doc-col-stance-rate = Tỷ lệ có nêu quan điểm (%)
plan-doc-table-consult = Bảng 2. Kết quả trả lời xin ý kiến theo đơn vị
plan-doc-signals-heading = 4. Biểu hiện né tránh, đùn đẩy, thiếu trách nhiệm đã được xác nhận; yêu cầu giải trình
plan-doc-signals-text = Trong kỳ có { $count } dấu hiệu đã được xác nhận theo các biểu hiện tại mục 7 phần III của Kế hoạch (trong đó { $detail }); { $explanations } lượt yêu cầu giải trình.
plan-doc-signals-none = Trong kỳ không có dấu hiệu nào được xác nhận theo các biểu hiện tại mục 7 phần III của Kế hoạch; { $explanations } lượt yêu cầu giải trình.
plan-doc-behaviour-count = biểu hiện ({ $behaviour }): { $count }
plan-doc-table-signals = Bảng 3. Dấu hiệu đã xác nhận theo biểu hiện (số thứ tự tại mục 7 phần III Kế hoạch) và yêu cầu giải trình
plan-doc-col-behaviour = ({ $n })
plan-doc-col-signals-total = Cộng
plan-doc-col-explanations = Giải trình
plan-doc-notices-heading = 5. Phổ biến, quán triệt văn bản; tỷ lệ cán bộ xác nhận đã đọc
plan-doc-notices-placeholder = [Văn phòng bổ sung: số văn bản đã gửi phổ biến, quán triệt và tỷ lệ cán bộ xác nhận "Đã đọc, đã nắm nội dung" theo đơn vị. Hệ thống chưa có số liệu này cho kỳ báo cáo.]
plan-doc-recognition-heading = 6. Tập thể, cá nhân tiêu biểu
plan-doc-recognition-placeholder = [Văn phòng bổ sung: tập thể, cá nhân tiêu biểu trong thực hiện kỷ luật, kỷ cương và trách nhiệm giải quyết công việc; việc biểu dương, khen thưởng. Hệ thống chưa có số liệu này cho kỳ báo cáo.]
plan-doc-assessment-heading = 7. Đánh giá chung
plan-doc-assessment-placeholder = [Văn phòng viết: nhận định chung về chuyển biến trong thực hiện kỷ luật, kỷ cương, trách nhiệm giải quyết công việc, căn cứ số liệu trên.]
plan-doc-section-limits = II. HẠN CHẾ, NGUYÊN NHÂN
plan-doc-limits-heading = 1. Hạn chế
plan-doc-limits-placeholder = [Văn phòng viết: những hạn chế, tồn tại. Số liệu để đối chiếu: { $overdue } nhiệm vụ quá hạn chưa hoàn thành, { $unanswered } lượt xin ý kiến quá hạn chưa trả lời, { $signals } dấu hiệu đã xác nhận.]
plan-doc-causes-heading = 2. Nguyên nhân
plan-doc-causes-placeholder = [Văn phòng viết: nguyên nhân khách quan, chủ quan của những hạn chế.]
plan-doc-section-directions = III. PHƯƠNG HƯỚNG, NHIỆM VỤ
plan-doc-directions-placeholder = [Văn phòng viết: phương hướng, nhiệm vụ, giải pháp thực hiện Kế hoạch trong năm tới.]
plan-doc-closing = Trên đây là báo cáo kết quả thực hiện Kế hoạch năm { $year } của { $unit }./.
plan-doc-recipients = Nơi nhận:
plan-doc-recipient-standing = - Ban Thường vụ { $root } (b/c);
plan-doc-recipient-unit = - { $unit };
plan-doc-recipient-archive = - Lưu: VT.
plan-doc-signer-authority = [QUYỀN HẠN, CHỨC VỤ NGƯỜI KÝ]

plan-report-not-head = Dự thảo báo cáo kết quả thực hiện Kế hoạch dành cho trưởng đơn vị. Đồng chí có thể đề nghị trưởng đơn vị hoặc Văn phòng cung cấp.
plan-report-usage = Dùng: /baocaokh [năm], ví dụ: /baocaokh hoặc /baocaokh 2026. Lệnh gửi dự thảo báo cáo kết quả thực hiện Kế hoạch (tệp Word, thể thức Nghị định 30/2020/NĐ-CP) với số liệu của đơn vị đồng chí và các đơn vị trực thuộc.
plan-report-future = Năm { $year } chưa bắt đầu hoặc không hợp lệ. Đề nghị chọn năm từ { $min } đến { $max }.
plan-report-ready = 📄 Dự thảo báo cáo kết quả thực hiện Kế hoạch năm { $year } – { $unit }.
    Số liệu từ { $from } đến { $to }: { $tasks } nhiệm vụ được giao, tỷ lệ hoàn thành đúng hạn { $rate }; { $consultations } lượt xin ý kiến; { $signals } dấu hiệu đã xác nhận.
    Các phần đánh dấu [Văn phòng viết …] (đánh giá chung, hạn chế, nguyên nhân, phương hướng) và số, ngày của văn bản để Văn phòng hoàn thiện trước khi trình ký.
plan-report-ready-partial = 📄 Dự thảo báo cáo kết quả thực hiện Kế hoạch năm { $year } – { $unit }.
    Năm chưa kết thúc: số liệu tính đến { $at }: { $tasks } nhiệm vụ được giao, tỷ lệ hoàn thành đúng hạn { $rate }; { $consultations } lượt xin ý kiến; { $signals } dấu hiệu đã xác nhận.
    Các phần đánh dấu [Văn phòng viết …] (đánh giá chung, hạn chế, nguyên nhân, phương hướng) và số, ngày của văn bản để Văn phòng hoàn thiện trước khi trình ký.
plan-report-rate-none = — (chưa có nhiệm vụ đến hạn)
plan-report-file-prefix = bao-cao-ke-hoach
plan-report-file-caption = Dự thảo báo cáo: { $file }

plan-report-cli-usage = Ví dụ: npm run cli -- report plan --year 2026 --unit UBND --out bao-cao.docx. Có thể thêm --place "Tên địa danh" cho dòng địa danh, ngày tháng.
plan-report-cli-bad-year = Năm báo cáo không hợp lệ: "{ $year }". Đề nghị ghi năm bằng 4 chữ số, từ { $min } đến { $max }.
plan-report-cli-not-docx = Tệp kết quả phải có đuôi .docx (đã ghi: { $file }).
plan-report-cli-cannot-write = Không ghi được tệp { $file } ({ $reason }). Đề nghị kiểm tra thư mục và quyền ghi.
plan-report-cli-written = Đã ghi dự thảo báo cáo { $file } (năm { $year }, { $units } đơn vị, { $officials } cán bộ, { $tasks } nhiệm vụ được giao).
help-cmd-plan-report = /baocaokh – dự thảo báo cáo kết quả thực hiện Kế hoạch trong năm (tệp Word)
