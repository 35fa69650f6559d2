## Ghi nhận, biểu dương (/bieuduong, nút "Khen")

btn-praise = Khen đ/c { $name }

commend-step-who = Biểu dương – Đồng chí muốn biểu dương ai? Gõ họ tên hoặc mã cán bộ.
commend-step-text = Nội dung biểu dương { $who }? (ngắn gọn: việc đã làm tốt, kết quả đạt được)
commend-step-text-item = Nội dung biểu dương { $who } về nhiệm vụ { $code }? (ngắn gọn: việc đã làm tốt, kết quả đạt được)
commend-done = Đã gửi lời biểu dương tới đ/c { $who } và cấp trên trực tiếp; nội dung được lưu vào hồ sơ theo dõi của đồng chí ấy.
commend-not-allowed = Chỉ cấp trưởng, cấp phó hoặc quản trị viên mới biểu dương được.
commend-self = Đồng chí không tự biểu dương mình được.
commend-out-of-reach = Người này ngoài phạm vi đồng chí phụ trách.
commend-clear-text = Nội dung biểu dương chưa rõ; đồng chí gõ cụ thể việc đã làm tốt.
commend-task-not-theirs = Nhiệm vụ { $code } không do người này thực hiện.
commend-task-not-done = Nhiệm vụ { $code } chưa hoàn thành.

commend-to-person-title = 🌟 Ghi nhận, biểu dương
commend-to-person = Đồng chí được { $by } ghi nhận, biểu dương:
commend-to-person-item = Đồng chí được { $by } ghi nhận, biểu dương về kết quả thực hiện nhiệm vụ { $code } "{ $title }":
commend-text = { $text }
commend-to-person-close = Xin chúc mừng đồng chí. Lời biểu dương đã được lưu vào hồ sơ theo dõi và được tính trong báo cáo đánh giá.
commend-to-superior-title = 🌟 Ghi nhận, biểu dương cán bộ
commend-to-superior = { $by } đã biểu dương { $who }:
commend-to-superior-item = { $by } đã biểu dương { $who } về kết quả thực hiện nhiệm vụ { $code } "{ $title }":

digest-praise-title = 🌟 Ghi nhận ({ $period }):
digest-praise-official = • { $name }: hoàn thành đúng hạn, đầy đủ { $count } việc ({ $codes })
digest-praise-unit = • { $unit }: { $percent }% nhiệm vụ đúng hạn ({ $rated } nhiệm vụ)
digest-praise-commendation = • { $name } được { $by } biểu dương{ $item }
digest-praise-commendation-item = { " " }về { $code }

report-praise-title = 🌟 Ghi nhận, biểu dương
report-praise-official = • { $name } ({ $unit }): { $count } việc đúng hạn, đầy đủ — { $codes }
report-praise-unit = • { $unit }: { $percent }% nhiệm vụ đúng hạn ({ $rated } nhiệm vụ)
report-praise-none = Chưa có cá nhân, đơn vị nào đạt tiêu chí tiêu biểu trong kỳ.
report-praise-commendations = Lượt biểu dương trong kỳ: { $count }
report-notices-title = 📘 Quán triệt (theo người nhận)
report-notices-total = Nhận { $received } lượt; xác nhận đúng hạn { $onTime }, muộn { $late }, chưa xác nhận (quá hạn) { $never }.
report-notices-line = • { $name }: nhận { $received }, đúng hạn { $onTime }, muộn { $late }, chưa xác nhận { $never }

report-sheet-recognition = Ghi nhận
report-sheet-notices = Quán triệt
report-rec-col-kind = Loại
report-col-items = Việc làm căn cứ
report-col-detail = Chi tiết
report-kind-exemplary-official = Cá nhân tiêu biểu
report-kind-exemplary-unit = Đơn vị tiêu biểu
report-kind-commendation = Được biểu dương
report-col-notice = Thông báo
report-rec-col-received-at = Ngày nhận
report-rec-col-deadline = Hạn xác nhận
report-col-confirmed-at = Xác nhận lúc
report-col-notice-state = Tình trạng
report-col-commitment = Cam kết
report-col-notices-received = Thông báo nhận
report-col-notices-on-time = Xác nhận đúng hạn
report-col-notices-late = Xác nhận muộn
report-col-notices-never = Chưa xác nhận (quá hạn)
report-notice-state-confirmed = Đúng hạn
report-notice-state-late = Muộn
report-notice-state-pending = Chưa đến hạn
report-notice-state-overdue = Chưa xác nhận
report-def-recognition-term = Cá nhân, đơn vị tiêu biểu
report-def-recognition = Cá nhân tiêu biểu: có ít nhất { $minItems } việc trong kỳ (nhiệm vụ nhận và xin ý kiến), nhận và hoàn thành mọi nhiệm vụ đúng hạn, trả lời mọi xin ý kiến đúng hạn và nêu rõ quan điểm, không có cảnh báo đã xác nhận. Đơn vị tiêu biểu: tỷ lệ nhiệm vụ đúng hạn của cán bộ trong đơn vị (không kể đơn vị trực thuộc) từ { $percent }% trở lên, trên ít nhất { $minUnit } nhiệm vụ được tính. Tiêu chí đặt trong tệp chính sách (recognition).
report-def-commendations-term = Biểu dương
report-def-commendations = Lời biểu dương của cấp trưởng, cấp phó trong kỳ, ghi vào hồ sơ người được biểu dương; tính cạnh các cảnh báo.
report-def-notices-term = Quán triệt
report-def-notices = Mỗi lượt người nhận một thông báo quán triệt trong kỳ: đúng hạn khi xác nhận "Đã đọc, đã nắm nội dung" trước hạn; muộn khi xác nhận sau hạn; chưa xác nhận khi đã quá hạn mà chưa xác nhận đến thời điểm chốt số liệu.
