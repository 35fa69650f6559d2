## Dấu hiệu hành vi (Kế hoạch, mục III.7): xem xét, xác nhận, bác bỏ, giải trình, ghi nhận thủ công

behaviour-1 = Không thực hiện hoặc thực hiện không đúng, không đầy đủ nhiệm vụ được giao
behaviour-2 = Không ưu tiên giải quyết ngay các việc cấp bách
behaviour-3 = Không chủ động tham mưu, đề xuất; tham mưu không rõ người, rõ việc, rõ tiến độ, rõ trách nhiệm
behaviour-4 = Đẩy việc lên cấp trên hoặc chuyển ngang trong khi việc thuộc thẩm quyền, trách nhiệm của mình
behaviour-5 = Không trả lời hoặc trả lời không nêu rõ quan điểm, chậm trả lời khi được hỏi, xin ý kiến
behaviour-6 = Tiếp nhận nhiệm vụ mà không báo cáo hoặc chậm báo cáo
behaviour-7 = Cùng một vấn đề có quy định khác nhau thì chỉ áp dụng quy định có lợi cho mình
behaviour-8 = Một việc họp bàn, lấy ý kiến nhiều lần nhưng không giải quyết, không kết luận
behaviour-9 = Thờ ơ, vô cảm; không giải quyết kịp thời khiếu nại, bức xúc của người dân, doanh nghiệp
behaviour-10 = Người đứng đầu đùn đẩy, né tránh, giao cho cấp phó trả lời
behaviour-11 = Không tiếp thu, thiếu trách nhiệm giải quyết kiến nghị, phản ánh sau giám sát
behaviour-short-3 = Không chủ động tham mưu
behaviour-short-7 = Chỉ áp dụng quy định có lợi
behaviour-short-9 = Thờ ơ với người dân, doanh nghiệp
behaviour-short-11 = Không tiếp thu kiến nghị sau giám sát

signal-rule-task-overdue = Nhiệm vụ quá hạn chưa hoàn thành
signal-rule-urgent-not-accepted = Việc khẩn không nhận trong thời hạn
signal-rule-urgent-not-started = Việc khẩn chưa triển khai trong thời hạn
signal-rule-task-insisted = Từ chối việc thuộc chức trách
signal-rule-task-bounced = Nhiệm vụ bị từ chối, chuyển nhiều lần
signal-rule-consult-late = Không cho ý kiến đúng hạn
signal-rule-consult-no-stance = Trả lời không rõ quan điểm
signal-rule-task-progress-late = Không báo cáo tiến độ đúng kỳ
signal-rule-matter-rounds = Xin ý kiến nhiều vòng chưa kết luận
signal-rule-answered-for-head = Giao cấp phó trả lời thay
signal-rule-manual = Lãnh đạo ghi nhận

signal-status-PENDING = Chờ xem xét
signal-status-CONFIRMED = Đã xác nhận
signal-status-DISMISSED = Đã bác bỏ

signal-title = ⚠️ Dấu hiệu hành vi số { $behaviour }: { $rule }
signal-line-person = Người liên quan: { $who }
signal-line-behaviour = Biểu hiện ({ $behaviour }), Kế hoạch mục III.7: { $text }
signal-line-item = Nội dung: { $code } "{ $title }"
signal-line-bounces = Số lần từ chối, chuyển việc của nhiệm vụ: { $count }
signal-line-rounds = Số vòng xin ý kiến chưa kết luận: { $count }
signal-line-events = Diễn biến:
signal-ev-line = • { $at }: { $what }
signal-ev-task-assigned = { $who } giao nhiệm vụ
signal-ev-task-accept-due = hết thời hạn nhận việc
signal-ev-task-accepted = nhận việc
signal-ev-task-start-due = hết thời hạn bắt đầu triển khai việc khẩn
signal-ev-task-progress-due = đến kỳ báo cáo tiến độ
signal-ev-task-reported = báo cáo tiến độ
signal-ev-task-deadline = hết hạn hoàn thành
signal-ev-task-completed = báo cáo hoàn thành
signal-ev-task-declined = { $who } từ chối nhiệm vụ
signal-ev-task-reassigned = { $who } giao lại cho người khác
signal-ev-task-insisted = { $who } giữ nguyên, xác định việc thuộc chức trách
signal-ev-consult-asked = { $who } xin ý kiến
signal-ev-consult-deadline = hết hạn trả lời
signal-ev-consult-answered = { $who } cho ý kiến "{ $stance }"
signal-ev-consult-free-text = { $who } gửi nội dung chưa nêu rõ quan điểm
signal-ev-consult-delegated = { $who } giao cấp phó trả lời thay
signal-ev-consult-round = { $who } xin ý kiến { $text }
signal-line-note = Ghi nhận của { $who }: { $note }
signal-line-raised = Ghi nhận lúc { $at } · { $status }
signal-line-review = Xem xét: { $who }, lúc { $at }. Lý do: { $reason }
signal-line-explanation = Giải trình của người liên quan ({ $at }): { $text }
signal-no-item = (không gắn nội dung)

signals-title = ⚠️ Dấu hiệu chờ đồng chí xem xét: { $total }
    Mỗi dấu hiệu là căn cứ để xem xét, chưa phải kết luận. Đề nghị đồng chí xác nhận hoặc bác bỏ, có nêu lý do; người liên quan sẽ được thông báo.
signals-none = Hiện không có dấu hiệu nào chờ đồng chí xem xét.
signals-footer = Hết danh sách.
signals-not-head = Chức năng này dành cho lãnh đạo xem xét dấu hiệu của cán bộ thuộc quyền.
btn-signal-confirm = Xác nhận
btn-signal-dismiss = Bác bỏ
btn-signal-record = Ghi nhận dấu hiệu khác (3, 7, 9, 11)
btn-signal-explain = Giải trình

signal-confirm-ask = Xác nhận dấu hiệu này. Đề nghị nêu lý do, nhận xét (người liên quan sẽ được thông báo):
signal-dismiss-ask = Bác bỏ dấu hiệu này. Đề nghị nêu lý do (người liên quan sẽ được thông báo):
signal-confirmed-reply = ✅ Đã xác nhận dấu hiệu và thông báo tới { $who }.
signal-dismissed-reply = ✅ Đã bác bỏ dấu hiệu và thông báo tới { $who }.
signal-confirmed-notice = ⚠️ Lãnh đạo xác nhận dấu hiệu đối với đồng chí
    { $headline }
    Nội dung: { $item }
    Người xem xét: { $who }
    Nhận xét: { $reason }
signal-dismissed-notice = ℹ️ Dấu hiệu đối với đồng chí đã được xem xét và bác bỏ
    { $headline }
    Nội dung: { $item }
    Người xem xét: { $who }
    Lý do: { $reason }
signal-recorded-notice = ⚠️ Lãnh đạo ghi nhận dấu hiệu đối với đồng chí
    { $headline }
    Nội dung: { $item }
    Người ghi nhận: { $who }
    Ghi chú: { $reason }
signal-confirmed-explain = Nếu cần, đồng chí bấm "Giải trình" để gửi ý kiến giải trình; nội dung được lưu cùng dấu hiệu và gửi tới lãnh đạo đã xem xét.
signal-confirmed-explain-typed = Nếu cần, đồng chí gõ số của lựa chọn "Giải trình" để gửi ý kiến giải trình; nội dung được lưu cùng dấu hiệu và gửi tới lãnh đạo đã xem xét.
signal-explain-ask = Đề nghị đồng chí nhập nội dung giải trình:
signal-explained-reply = ✅ Đã gửi giải trình; nội dung được lưu cùng dấu hiệu.
signal-explained-notice = 📄 { $who } giải trình về dấu hiệu
    { $headline }
    Nội dung: { $item }
    Giải trình: { $text }

signal-record-who = Ghi nhận dấu hiệu – bước 1/4: Cán bộ nào? Gõ họ tên, mã cán bộ hoặc chức vụ.
signal-record-behaviour = Ghi nhận dấu hiệu – bước 2/4: Biểu hiện nào của { $who }?
signal-record-item = Ghi nhận dấu hiệu – bước 3/4: Liên quan đến nhiệm vụ hoặc đề nghị xin ý kiến nào? Gõ mã (NV-…, YK-…) hoặc bấm "Bỏ qua".
signal-record-item-typed = Ghi nhận dấu hiệu – bước 3/4: Liên quan đến nhiệm vụ hoặc đề nghị xin ý kiến nào? Gõ mã (NV-…, YK-…) hoặc gõ số của lựa chọn "Bỏ qua".
signal-record-note = Ghi nhận dấu hiệu – bước 4/4: Ghi chú cụ thể (sự việc, thời điểm, căn cứ):
signal-recorded-reply = ✅ Đã ghi nhận dấu hiệu số { $behaviour } đối với { $who } và thông báo tới đồng chí đó.

signal-not-found = Không tìm thấy dấu hiệu này.
signal-not-yours = Dấu hiệu này nằm ngoài phạm vi đồng chí được xem xét.
signal-already-reviewed = Dấu hiệu này đã được xem xét.
signal-explained-already = Đồng chí đã gửi giải trình cho dấu hiệu này.
signal-duplicate = Dấu hiệu này đã được ghi nhận cho nội dung đó.
signal-manual-behaviour = Chỉ ghi nhận thủ công các biểu hiện số 3, 7, 9 và 11.
