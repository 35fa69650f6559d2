## Trò chuyện: trợ giúp, ngôn ngữ, các bước nhập liệu

help-intro = Đôn đốc – hệ thống theo dõi, nhắc việc theo Kế hoạch thực hiện Chỉ thị 56-CT/TU.
    Các lệnh đồng chí dùng được:
help-cmd-tasks = /viec – việc cần đồng chí xử lý
help-cmd-assign = /giaoviec – giao nhiệm vụ (người, việc, kết quả, thời hạn, mức độ)
help-cmd-report = /baocao – báo cáo tiến độ một nhiệm vụ
help-cmd-ask = /xinykien – xin ý kiến đồng chí khác trước một thời hạn
help-cmd-opinions = /ykien – các đề nghị xin ý kiến chờ đồng chí trả lời và do đồng chí gửi
help-cmd-digest = /tonghop – bản tổng hợp của đơn vị
help-cmd-evaluation = /danhgia – báo cáo đánh giá theo tháng, quý, năm, kèm tệp Excel
help-cmd-signals = /canhbao – các dấu hiệu cần đồng chí xem xét
help-cmd-cancel = /huy – dừng thao tác đang làm dở
help-cmd-lang = /lang en – English
help-items-title = Lệnh kèm mã, dùng được bất cứ lúc nào:
help-items-task = { $commands } kèm mã nhiệm vụ được giao (vd: { $example } NV-2026-0012)
help-items-assigner = { $commands } kèm mã nhiệm vụ đồng chí giao hoặc theo dõi
help-items-consultation = { $commands } kèm mã xin ý kiến (vd: { $example } YK-2026-0003)
help-items-explanation = { $commands } kèm mã yêu cầu giải trình (vd: { $example } GT-2026-0001 nội dung…)
help-admin = Quản trị (nhập danh sách cán bộ, cấp mã mời, lịch làm việc, báo cáo Excel): dùng công cụ dòng lệnh trên máy chủ (npm run cli), xem README.
help-text-numbers = Với tin nhắn có các lựa chọn đánh số, đồng chí trả lời bằng số tương ứng (vd: 1).
lang-set = Đã chuyển ngôn ngữ sang tiếng Việt.
lang-usage = Dùng: /lang vi hoặc /lang en.
account-inactive = Tài khoản cán bộ gắn với tài khoản chat này đã ngừng hoạt động. Đề nghị liên hệ Văn phòng.
unsupported-message = Hệ thống chưa xử lý được loại tin nhắn này. Đồng chí vui lòng gửi văn bản, ảnh hoặc dùng các lệnh trong /trogiup.

dialog-cancelled = Đã dừng thao tác đang làm dở.
dialog-nothing = Không có thao tác nào đang làm dở.
dialog-expired = Thao tác trước đã hết hạn, đề nghị bắt đầu lại.
dialog-unreadable = Thao tác đang làm dở được lưu theo cách cũ, hệ thống không đọc được nên đã dừng lại. Đề nghị bắt đầu lại.
dialog-pick-invalid = Lựa chọn này không còn hợp lệ. Đề nghị chọn lại hoặc gõ /huy để dừng.
dialog-need-text = Đề nghị nhập nội dung bằng chữ, hoặc gõ /huy để dừng.
dialog-cancel-hint = (Gõ /huy để dừng)
btn-dialog-cancel = Hủy
btn-skip = Bỏ qua

assign-step-who = Giao việc – bước 1/5: Giao cho ai? Gõ họ tên, mã cán bộ hoặc chức vụ để tìm.
assign-who-none = Không tìm thấy người phù hợp trong phạm vi đồng chí được giao việc. Gõ lại tên khác:
assign-who-pick = Chọn người được giao:
assign-step-title = Giao việc – bước 2/5: Nội dung công việc (rõ việc) giao cho { $who }?
assign-step-result = Giao việc – bước 3/5: Kết quả cần đạt (sản phẩm, tiêu chí hoàn thành)?
assign-step-deadline = Giao việc – bước 4/5: Thời hạn hoàn thành? (vd: 05/12, 05/12/2026, 05/12 16:00, mai, thứ 6)
assign-step-priority = Giao việc – bước 5/5: Mức độ?
assign-confirm = Đề nghị kiểm tra lại trước khi giao:
    Người thực hiện: { $who }
    Nội dung: { $title }
    Kết quả cần đạt: { $result }
    Thời hạn: { $deadline } · Mức độ: { $priority }
btn-assign-confirm = Giao việc
btn-priority-URGENT = Khẩn
btn-priority-HIGH = Ưu tiên
btn-priority-NORMAL = Thường
priority-unreadable = Đề nghị chọn mức độ: Khẩn, Ưu tiên hoặc Thường.
report-percent-unreadable = Đề nghị nhập một số từ 0 đến 100 (vd: 50).
prompt-expired = Các lựa chọn đánh số trước đã hết hạn. Đồng chí gõ /viec hoặc /ykien để xem danh sách mới.
menu-viec = Việc cần tôi xử lý
menu-giaoviec = Giao nhiệm vụ
menu-baocao = Báo cáo tiến độ
menu-xinykien = Xin ý kiến
menu-ykien = Ý kiến chờ trả lời và đã xin
menu-tonghop = Tổng hợp của đơn vị
menu-danhgia = Báo cáo đánh giá theo kỳ
menu-canhbao = Dấu hiệu cần xem xét
menu-baocaokh = Dự thảo báo cáo thực hiện Kế hoạch (Word)
menu-rasoat = Rà soát việc tồn đọng, quá hạn
menu-tusoi = Tự soi, tự sửa
menu-quantriet = Thông báo quán triệt
menu-danam = Xác nhận đã đọc thông báo
menu-bieuduong = Biểu dương cán bộ
menu-lang = Ngôn ngữ (vi/en)
menu-trogiup = Trợ giúp
menu-huy = Dừng thao tác đang làm
