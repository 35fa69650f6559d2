## Nhiệm vụ: thông báo, nút bấm, danh sách, lỗi

priority-URGENT = Khẩn
priority-HIGH = Ưu tiên
priority-NORMAL = Thường

status-ASSIGNED = Chờ nhận việc
status-ACCEPTED = Đã nhận việc
status-IN_PROGRESS = Đang thực hiện
status-DONE = Đã hoàn thành, chờ xác nhận
status-CLOSED = Đã xác nhận hoàn thành
status-DECLINED = Bị từ chối
status-CANCELLED = Đã hủy

btn-accept = Nhận việc
btn-extend = Xin gia hạn
btn-decline = Từ chối / đề xuất chuyển
btn-report = Báo cáo tiến độ
btn-complete = Báo cáo hoàn thành
btn-view = Xem chi tiết
btn-confirm = Xác nhận hoàn thành
btn-reopen = Trả lại, làm tiếp
btn-cancel-task = Hủy nhiệm vụ
btn-reassign = Giao người khác
btn-insist = Giữ nguyên, đúng chức trách
btn-nudge = Nhắc lại
btn-approve-ext = Đồng ý gia hạn
btn-refuse-ext = Không đồng ý gia hạn
btn-prev = ‹ Trước
btn-next = Sau ›
btn-explain = Yêu cầu giải trình

task-person = đ/c { $name }, { $title }
task-line-assigner = Người giao: { $who }
task-line-assignee = Người thực hiện: { $who }
task-line-title = Nội dung: { $title }
task-line-result = Kết quả cần đạt: { $result }
task-line-description = Ghi chú: { $description }
task-line-doc = Văn bản: { $doc }
task-line-deadline = Thời hạn: { $deadline } · Mức độ: { $priority }
task-line-status = Trạng thái: { $status }
task-line-progress = Tiến độ: { $percent }% (báo cáo lúc { $at })
task-line-no-progress = Tiến độ: chưa có báo cáo
task-line-latest-note = Báo cáo gần nhất: { $note }
task-line-overdue = Đã quá hạn { $late }.

task-new-title = 📌 Nhiệm vụ mới { $code }
task-new-ask-accept = Đề nghị đồng chí xác nhận nhận việc trước { $acceptBy }.
task-new-minimal = 📌 Nhiệm vụ mới { $code }: { $title }. Thời hạn: { $deadline }.

task-assigned-reply = ✅ Đã giao nhiệm vụ { $code } cho { $who }. Hệ thống sẽ nhắc nếu đến { $acceptBy } chưa nhận việc.
task-assigned-unreachable = Lưu ý: đ/c { $name } chưa liên kết tài khoản chat hoặc không nhận được tin nhắn; nhiệm vụ vẫn được ghi nhận và hiển thị trong tổng hợp.

task-accepted-reply = ✅ Đồng chí đã nhận nhiệm vụ { $code }. Thời hạn hoàn thành: { $deadline }. Báo cáo tiến độ bằng /baocao.
task-accepted-notice = ✅ { $code } đã được nhận
    { $who } đã nhận nhiệm vụ "{ $title }" lúc { $at }.

task-decline-ask-reason = Đồng chí từ chối nhiệm vụ { $code }. Đề nghị nêu lý do (hoặc đề xuất người/đơn vị phù hợp hơn):
task-declined-reply = Đã gửi ý kiến từ chối nhiệm vụ { $code } tới người giao. Người giao sẽ quyết định.
task-declined-notice = ↩️ { $code } bị từ chối
    { $who } từ chối nhiệm vụ "{ $title }".
    Lý do: { $reason }
    Đề nghị đồng chí chọn: giao người khác, giữ nguyên (nếu việc thuộc chức trách của người nhận) hoặc hủy nhiệm vụ.

task-extend-ask-date = Đồng chí xin gia hạn nhiệm vụ { $code } (hạn hiện tại { $deadline }). Đề nghị nhập thời hạn mới (vd: 15/12, 15/12 16:00, thứ 6):
task-extend-ask-reason = Lý do xin gia hạn?
task-extend-not-later = Thời hạn mới phải sau thời hạn hiện tại ({ $deadline }).
task-extend-pending = Nhiệm vụ { $code } đang có một đề nghị gia hạn chờ người giao quyết định.
task-extend-reply = Đã gửi đề nghị gia hạn { $code } đến { $deadline } tới người giao. Thời hạn chỉ thay đổi khi được đồng ý.
task-extend-notice = 🕒 Đề nghị gia hạn { $code }
    { $who } đề nghị gia hạn nhiệm vụ "{ $title }".
    Thời hạn hiện tại: { $deadline }
    Thời hạn đề nghị: { $newDeadline }
    Lý do: { $reason }
task-extend-approved-notice = ✅ Đề nghị gia hạn { $code } được đồng ý. Thời hạn mới: { $deadline }.
task-extend-refused-notice = ❌ Đề nghị gia hạn { $code } không được đồng ý. Thời hạn giữ nguyên: { $deadline }.
task-extend-approved-reply = Đã đồng ý gia hạn { $code } đến { $deadline }.
task-extend-refused-reply = Đã không đồng ý gia hạn { $code }; thời hạn giữ nguyên.
task-extend-decided = Đề nghị gia hạn này đã được xử lý.
task-extend-voided = Đề nghị gia hạn { $code } không còn hiệu lực: nhiệm vụ đã được báo cáo hoàn thành, bị từ chối hoặc bị hủy trước khi đề nghị được xem xét.

task-report-pick = Đồng chí báo cáo tiến độ nhiệm vụ nào?
task-report-none = Đồng chí không có nhiệm vụ đang thực hiện để báo cáo.
task-report-ask-percent = Báo cáo tiến độ { $code }. Đã hoàn thành bao nhiêu phần trăm (0–100)? Nếu đã xong hẳn, chọn "Báo cáo hoàn thành".
task-report-ask-note = Nội dung báo cáo (đã làm gì, vướng mắc gì)? Có thể gửi kèm ảnh hoặc tệp.
task-report-reply = ✅ Đã ghi nhận báo cáo tiến độ { $code }: { $percent }%. Người giao đã được thông báo.
task-progress-notice = 📈 Báo cáo tiến độ { $code }: { $percent }%
    Người báo cáo: { $who }
    Nội dung: { $note }
task-progress-evidence = Minh chứng kèm báo cáo { $code }

task-complete-ask-result = Báo cáo hoàn thành { $code }. Kết quả đạt được (đối chiếu: "{ $result }")? Có thể gửi kèm ảnh hoặc tệp.
task-completed-reply = ✅ Đã báo cáo hoàn thành { $code }. Người giao sẽ xác nhận.
task-completed-notice = 🏁 { $code } báo cáo hoàn thành
    { $who } báo cáo hoàn thành nhiệm vụ "{ $title }" lúc { $at }.
    Kết quả: { $note }
    Kết quả cần đạt: { $result }
    Đề nghị đồng chí xác nhận hoặc trả lại.
task-confirmed-notice = 🟢 { $code } đã được xác nhận hoàn thành. Cảm ơn đồng chí.
task-confirmed-reply = Đã xác nhận hoàn thành { $code }.
task-reopen-ask-reason = Trả lại { $code } để làm tiếp. Đề nghị nêu lý do, yêu cầu bổ sung:
task-reopened-notice = ↩️ { $code } được trả lại để làm tiếp
    Người giao: { $who }
    Yêu cầu: { $reason }
    Thời hạn: { $deadline }
task-reopened-reply = Đã trả lại { $code } cho người thực hiện.
task-cancel-ask-reason = Hủy nhiệm vụ { $code }. Lý do hủy?
task-cancelled-notice = ⚫ Nhiệm vụ { $code } "{ $title }" đã được hủy. Lý do: { $reason }
task-cancelled-reply = Đã hủy nhiệm vụ { $code }.
task-reassign-ask = Giao lại { $code } cho ai? Gõ tên, mã hoặc chức vụ để tìm.
task-reassigned-reply = ✅ Đã giao lại { $code } cho { $who }.
task-insisted-notice = ⚠️ { $code }: người giao xác định việc thuộc chức trách của đồng chí
    { $who } giữ nguyên việc giao nhiệm vụ "{ $title }".
    Thời hạn: { $deadline }
    Đề nghị đồng chí nhận việc.
task-insisted-reply = Đã giữ nguyên việc giao { $code } cho { $who }; việc từ chối được ghi nhận.
task-nudged-notice = 🔔 { $who } nhắc đồng chí về { $code } "{ $title }". Thời hạn: { $deadline }.
task-nudged-reply = Đã nhắc { $who } về { $code }.

tasks-list-title = 📋 Việc cần đồng chí xử lý ({ $total })
tasks-list-empty = Hiện đồng chí không có việc nào cần xử lý.
tasks-list-page = Trang { $page }/{ $pages }
tasks-list-item = { $mark } { $code } · { $title } · hạn { $deadline } · { $status }
tasks-list-role-assigner = (đồng chí giao)

reminder-wave-title = ⏰ Nhắc việc: { $count } nội dung cần đồng chí xử lý
reminder-wave-continued = ⏰ Nhắc việc (tiếp theo, phần { $part }/{ $parts })
reminder-accept-0 = ⏰ Nhắc: { $code } chưa được nhận việc
    Đồng chí được giao nhiệm vụ "{ $title }" lúc { $assignedAt }; thời hạn nhận việc đã hết lúc { $dueAt }.
    Đề nghị đồng chí nhận việc, xin gia hạn hoặc từ chối (nêu lý do).
reminder-accept-1 = ⏰ Nhắc lần 2: { $code } chưa được nhận việc
    Đồng chí được giao nhiệm vụ "{ $title }" lúc { $assignedAt } (đã quá hạn nhận việc { $late }).
    Nếu đến { $nextAt } chưa nhận việc, hệ thống sẽ báo cáo { $superior }.
reminder-progress-0 = ⏰ Đến kỳ báo cáo tiến độ { $code }
    Nhiệm vụ "{ $title }", thời hạn { $deadline }. Lần báo cáo gần nhất: { $last }.
    Đề nghị đồng chí báo cáo tiến độ.
reminder-progress-1 = ⏰ Nhắc lần 2: { $code } chưa báo cáo tiến độ
    Nhiệm vụ "{ $title }" đã quá kỳ báo cáo { $late }.
    Nếu đến { $nextAt } chưa báo cáo, hệ thống sẽ báo cáo { $superior }.
reminder-before-deadline = ⏳ { $code } sắp đến hạn
    Nhiệm vụ "{ $title }" đến hạn lúc { $deadline }. Tiến độ báo cáo gần nhất: { $percent }%.
reminder-overdue-0 = 🔴 { $code } đã quá hạn
    Nhiệm vụ "{ $title }" hết hạn lúc { $deadline } nhưng chưa báo cáo hoàn thành.
    Đề nghị đồng chí báo cáo hoàn thành, hoặc xin gia hạn kèm lý do.
reminder-overdue-1 = 🔴 Nhắc lần 2: { $code } đã quá hạn { $late }
    Nhiệm vụ "{ $title }" hết hạn lúc { $deadline }.
    Nếu đến { $nextAt } chưa có báo cáo, hệ thống sẽ báo cáo { $superior }.
reminder-no-superior = cấp trên
escalation-title = ⚠️ Báo cáo cấp trên: { $code } { $what }
escalation-what-TASK_ACCEPT = chưa được nhận việc
escalation-what-TASK_PROGRESS = chưa báo cáo tiến độ
escalation-what-TASK_OVERDUE = đã quá hạn
escalation-what-TASK_BEFORE_DEADLINE = sắp đến hạn mà chưa hoàn thành
escalation-what-TASK_START = chưa bắt đầu thực hiện
escalation-what-CONSULTATION_ANSWER = chưa trả lời xin ý kiến
escalation-what-EXPLANATION_ANSWER = chưa giải trình
escalation-body = { $who } được giao nhiệm vụ "{ $title }" bởi { $assigner } lúc { $assignedAt }.
    Thời hạn: { $deadline }. Đã quá { $late } so với mốc { $dueAt }; đã nhắc { $reminders } lần.
escalation-level = (Cấp báo cáo { $level }: đồng chí là cấp trên { $depth } bậc của người thực hiện.)

five-clear-person = Nhiệm vụ phải rõ người thực hiện (rõ người). Đề nghị chọn người được giao.
five-clear-job = Nhiệm vụ phải rõ nội dung công việc (rõ việc), ít nhất vài chữ.
five-clear-deadline = Nhiệm vụ phải có thời hạn (rõ tiến độ).
five-clear-responsibility = Nhiệm vụ phải rõ người giao chịu trách nhiệm (rõ trách nhiệm).
five-clear-result = Nhiệm vụ phải rõ kết quả cần đạt (rõ hiệu quả).
five-clear-priority = Đề nghị chọn mức độ: Khẩn, Ưu tiên hoặc Thường.
reason-required = Đề nghị nêu lý do cụ thể (ít nhất vài chữ).
progress-percent-invalid = Tiến độ là một số nguyên từ 0 đến 100.
task-not-found = Không tìm thấy nhiệm vụ này.
task-not-yours = Nhiệm vụ { $code } không giao cho đồng chí nên đồng chí không thực hiện được thao tác này.
task-not-assigner = Chỉ người giao nhiệm vụ { $code } mới thực hiện được thao tác này.
task-not-visible = Nhiệm vụ này nằm ngoài phạm vi đồng chí được xem.
task-wrong-state = Thao tác này không còn áp dụng: nhiệm vụ { $code } hiện ở trạng thái khác.
assign-not-allowed = Đồng chí không có thẩm quyền giao việc cho người này (chỉ giao trong đơn vị mình phụ trách hoặc cho cấp dưới).
assign-nobody = Đồng chí chưa phụ trách ai để giao việc. Liên hệ văn phòng nếu thông tin tổ chức chưa đúng.
deadline-in-past = Thời hạn đã qua. Đề nghị nhập một thời điểm trong tương lai.
deadline-unreadable = Chưa đọc được thời hạn. Có thể nhập: 05/12, 05/12/2026, 05/12 16:00, mai, thứ 6.
deadline-too-far = Thời hạn quá xa: chỉ nhận thời hạn trong vòng { $years } năm tới (muộn nhất { $latest }). Đề nghị đồng chí kiểm tra lại năm.
