## Quán triệt: thông báo cần xác nhận "Đã đọc, đã nắm nội dung" (/quantriet, /danam)

btn-notice-confirm = Đã đọc, đã nắm nội dung
btn-notice-commit = Đã đọc, kèm cam kết
btn-notice-ask = Hỏi lại người gửi
btn-notice-view = Xem tình hình xác nhận
btn-notice-view-code = Xem { $code }
btn-notice-confirm-code = Đã đọc, đã nắm { $code }
btn-notice-new = Gửi thông báo quán triệt mới
btn-notice-send = Gửi thông báo
btn-notice-subtree = Toàn bộ { $unit } và đơn vị trực thuộc

notice-status-OPEN = đang lấy xác nhận
notice-status-CLOSED = đã kết thúc

notice-new-title = 📘 Quán triệt { $code }
notice-line-sender = Người gửi: { $who }
notice-line-title = Nội dung: { $title }
notice-line-summary = Tóm tắt: { $summary }
notice-line-document = Tài liệu: { $file } (gửi kèm)
notice-document-unnamed = tệp đính kèm
notice-document-caption = Tài liệu quán triệt { $code }
notice-new-ask = Đề nghị đồng chí nghiên cứu kỹ tài liệu và xác nhận "Đã đọc, đã nắm nội dung" trước { $deadline }. Đồng chí có thể gửi kèm cam kết thực hiện, hoặc hỏi lại người gửi nếu có nội dung chưa rõ.

notice-confirmed = ✅ Đã ghi nhận đồng chí đã đọc, đã nắm nội dung { $code } lúc { $at }. Cảm ơn đồng chí.
notice-confirmed-late = ✅ Đã ghi nhận đồng chí đã đọc, đã nắm nội dung { $code } lúc { $at } (sau thời hạn xác nhận).
notice-confirmed-commitment = Cam kết của đồng chí: { $text }
notice-already-confirmed = Đồng chí đã xác nhận { $code } lúc { $at }; không cần xác nhận lại.
notice-closed = Thông báo { $code } đã kết thúc, không nhận xác nhận thêm.
notice-not-found = Không tìm thấy thông báo quán triệt này.
notice-not-found-code = Không có thông báo quán triệt { $code }.
notice-not-recipient = Thông báo { $code } không gửi cho đồng chí, nên đồng chí không xác nhận thay được.
notice-not-visible = Đồng chí không theo dõi được tình hình xác nhận của { $code }.
notice-code-usage = Cách dùng: /danam QT-2026-0001 (có thể viết thêm cam kết sau mã), hoặc /quantriet QT-2026-0001 để xem.
notice-mine-confirmed = Đồng chí đã xác nhận đã đọc, đã nắm nội dung lúc { $at }.
notice-mine-waiting = Thông báo đang chờ đồng chí xác nhận, hạn { $deadline }.

notice-commit-ask = Đồng chí gõ nội dung cam kết thực hiện { $code } (ngắn gọn, một vài câu). Nội dung này được gửi kèm xác nhận "Đã đọc, đã nắm nội dung".
notice-question-ask = Đồng chí gõ câu hỏi gửi người ban hành { $code }. Câu hỏi chưa được tính là xác nhận.
notice-question-sent = Đã chuyển câu hỏi của đồng chí tới người gửi { $code }. Đồng chí vẫn cần xác nhận "Đã đọc, đã nắm nội dung" trong thời hạn.
notice-question-title = ❔ Câu hỏi về thông báo quán triệt { $code }
notice-question-from = { $who } hỏi về "{ $title }":
notice-question-text = { $text }
notice-question-note = (Câu hỏi không được tính là xác nhận đã đọc.)

notice-list-sent = Thông báo quán triệt đồng chí đã gửi ({ $count } gần nhất):
notice-list-sent-none = Đồng chí chưa gửi thông báo quán triệt nào.
notice-list-line = • { $code } "{ $title }": { $confirmed }/{ $total } đã xác nhận ({ $percent }%), hạn { $deadline }, { $status }
notice-list-waiting = Thông báo quán triệt chờ đồng chí xác nhận ({ $count }):
notice-list-waiting-line = • { $code } "{ $title }", hạn { $deadline }
notice-list-nothing = Không có thông báo quán triệt nào chờ đồng chí xác nhận.
notice-names-more = { $names } và { $count } đồng chí khác

notice-detail-title = 📘 { $code } "{ $title }"
notice-detail-coverage = Đã xác nhận: { $confirmed }/{ $total } ({ $percent }%), trong đó { $late } sau hạn. Hạn xác nhận: { $deadline }.
notice-detail-unit = { $unit }: { $confirmed }/{ $total }
notice-detail-person-confirmed = { "  " }✔ { $name } ({ $at })
notice-detail-person-late = { "  " }✔ { $name } ({ $at }, sau hạn)
notice-detail-person-pending = { "  " }… { $name } (chưa xác nhận, hạn { $deadline })
notice-detail-person-overdue = { "  " }✘ { $name } (chưa xác nhận, quá hạn { $deadline })
notice-detail-commitment = { "    " }Cam kết: { $text }
notice-detail-questions = Câu hỏi đã nhận: { $count } (đã chuyển tới người gửi).

notice-step-who = Quán triệt – bước 1/5: Gửi đến ai? Chọn toàn bộ { $unit }, hoặc gõ mã hay tên đơn vị, họ tên người nhận (cách nhau bằng dấu phẩy).
notice-step-title = Người nhận: { $who } ({ $count } đồng chí).
    Bước 2/5: Tiêu đề văn bản cần quán triệt?
notice-step-summary = Bước 3/5: Tóm tắt nội dung chính (ngắn gọn, người nhận đọc trước khi mở tài liệu)?
notice-step-file = Bước 4/5: Gửi tệp tài liệu PDF hoặc DOCX (tối đa { $max } MB), hoặc bỏ qua nếu không kèm tài liệu.
notice-step-deadline = Bước 5/5: Hạn xác nhận? Ví dụ "17:00 15/12", hoặc dùng mặc định { $deadline }.
notice-file-not-document = Cần gửi tệp tài liệu (PDF hoặc DOCX), không phải ảnh.
notice-no-document = không kèm tài liệu
notice-scope-unit = { $unit } (cả đơn vị trực thuộc)
notice-confirm = Kiểm tra lại thông báo quán triệt:
    Người nhận: { $who } ({ $count } đồng chí)
    Nội dung: { $title }
    Tóm tắt: { $summary }
    Tài liệu: { $file }
    Hạn xác nhận: { $deadline }
notice-sent = Đã gửi thông báo quán triệt { $code } tới { $count } đồng chí, hạn xác nhận { $deadline }. Tình hình xác nhận: /quantriet { $code }
notice-sent-unreachable = Chưa liên lạc được qua chat với: { $names }. Các đồng chí này vẫn được tính trong danh sách cần xác nhận.

notice-not-allowed = Chỉ cấp trưởng, cấp phó hoặc quản trị viên mới gửi được thông báo quán triệt.
notice-no-recipients = Không có người nhận nào trong phạm vi đồng chí phụ trách.
notice-out-of-reach = Có { $count } người nhận ngoài phạm vi đồng chí phụ trách: { $names }. Thông báo chưa được gửi.
notice-unit-unknown = Không có đơn vị này.
notice-who-unknown = Không tìm thấy đơn vị hay cán bộ nào là "{ $part }".
notice-who-ambiguous = "{ $part }" khớp với nhiều đơn vị hoặc cán bộ; đồng chí gõ cụ thể hơn (mã đơn vị, họ tên đầy đủ).
notice-clear-title = Tiêu đề chưa rõ; đồng chí gõ tên văn bản cần quán triệt.
notice-clear-summary = Tóm tắt chưa rõ; đồng chí gõ vài câu về nội dung chính.
notice-clear-question = Câu hỏi chưa rõ; đồng chí gõ cụ thể nội dung cần hỏi.
notice-file-type = Tệp "{ $file }" không phải PDF hay DOCX; đồng chí gửi văn bản ở một trong hai định dạng này.
notice-file-empty = Tệp "{ $file }" không có nội dung.
notice-file-too-large = Tệp "{ $file }" nặng { $size } MB, vượt giới hạn { $max } MB của nền tảng chat; đồng chí nén hoặc tách tệp rồi gửi lại.
notice-file-content = Tệp "{ $file }" mang đuôi { $type } nhưng nội dung không phải tệp { $type } (tệp có thể bị hỏng hoặc bị đổi tên); đồng chí mở thử tệp rồi gửi lại bản đúng.
notice-file-platform-limit = Tệp "{ $file }" nặng hơn { $max } MB, mức lớn nhất { $channel ->
        [TELEGRAM] Telegram
        [ZALO] Zalo
       *[other] Zalo OA
    } cho phép bot tải về để lưu trên máy chủ; đồng chí nén hoặc tách tệp rồi gửi lại.
notice-file-gone = Không tải được tệp "{ $file }" từ { $channel ->
        [TELEGRAM] Telegram
        [ZALO] Zalo
       *[other] Zalo OA
    }: nền tảng không còn giữ tệp này. Đồng chí tạo lại thông báo và gửi lại tệp.
notice-file-fetch-failed = Chưa tải được tệp "{ $file }" từ { $channel ->
        [TELEGRAM] Telegram
        [ZALO] Zalo
       *[other] Zalo OA
    } về máy chủ (nền tảng chưa trả lời). Thông báo chưa được gửi; đồng chí thử gửi lại sau ít phút.

reminder-notice-0 = ⏰ Nhắc: { $code } chưa xác nhận đã đọc
    Đồng chí nhận thông báo quán triệt "{ $title }" của { $sender } từ { $sentAt }, hạn xác nhận { $deadline }.
    Đề nghị đồng chí nghiên cứu tài liệu và xác nhận "Đã đọc, đã nắm nội dung". Gõ /quantriet { $code } để nhận lại tài liệu.
reminder-notice-1 = ⏰ Nhắc lần 2 — { $code } chưa xác nhận đã đọc
    Thông báo quán triệt "{ $title }" gửi từ { $sentAt }, hạn xác nhận { $deadline } (đã quá { $late }).
    Nếu đến { $nextAt } chưa xác nhận, hệ thống sẽ báo cáo { $superior }.
escalation-notice-title = ⚠️ Báo cáo cấp trên: { $code } chưa được xác nhận
escalation-notice-body = { $who } chưa xác nhận đã đọc thông báo quán triệt "{ $title }" của { $sender }, gửi từ { $sentAt }.
    Hạn xác nhận: { $deadline } (đã quá { $late }); đã nhắc { $reminders } lần.
escalation-what-NOTICE_CONFIRM = chưa xác nhận đã đọc thông báo quán triệt

digest-notices-title = 📘 Quán triệt đang lấy xác nhận ({ $count }):
digest-notices-line = • { $code } "{ $title }": { $confirmed }/{ $total } đồng chí đã xác nhận ({ $percent }%), hạn { $deadline }
digest-notices-waiting = { "  " }Chưa xác nhận: { $names }

help-cmd-notices = /quantriet – thông báo quán triệt chờ đồng chí xác nhận; /danam kèm mã để xác nhận "Đã đọc, đã nắm nội dung"
help-cmd-notices-leader = /quantriet – gửi thông báo quán triệt, xem tình hình xác nhận; /danam kèm mã để xác nhận thông báo gửi đồng chí
help-cmd-commend = /bieuduong – ghi nhận, biểu dương cán bộ thuộc phạm vi đồng chí phụ trách
