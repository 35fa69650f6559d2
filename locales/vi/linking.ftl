## Liên kết tài khoản Telegram/Zalo với cán bộ bằng mã mời (/start MÃ)

link-success = Đã liên kết tài khoản này với đồng chí { $name }, { $title }, { $unit }. Từ nay nhiệm vụ, nhắc việc và đề nghị xin ý kiến sẽ được gửi đến đồng chí tại đây. Gõ /trogiup để xem những việc có thể làm.
link-already = Tài khoản này đã được liên kết với đồng chí { $name }, { $title }, { $unit }. Đồng chí không cần làm gì thêm; gõ /trogiup để xem những việc có thể làm.
link-waiting-title = 📥 Những việc đang chờ đồng chí từ trước khi liên kết:
link-waiting-tasks = Nhiệm vụ cần đồng chí xử lý: { $count }
link-waiting-consultations = Đề nghị xin ý kiến cần đồng chí trả lời: { $count }
link-waiting-escalations = Báo cáo cấp trên gửi đồng chí trong { $days } ngày làm việc qua: { $count }
link-waiting-line = • { $code } · { $title }
link-waiting-more = … và { $count } nội dung khác (gõ /viec để xem tất cả).
link-waiting-notices = Thông báo quán triệt chờ đồng chí xác nhận đã đọc: { $count }
link-waiting-more-notices = … và { $count } thông báo khác (gõ /quantriet để xem tất cả).
link-required = Tài khoản này chưa được liên kết với cán bộ nào trong hệ thống. Đề nghị đồng chí liên hệ Văn phòng (bộ phận công nghệ thông tin) để được cấp mã mời, sau đó gửi tin nhắn: /start kèm mã mời, ví dụ /start ABCD2345.
invite-unknown = Mã mời không đúng. Đề nghị đồng chí kiểm tra lại mã (8 ký tự) hoặc liên hệ Văn phòng để được cấp mã mới.
invite-used = Mã mời này đã được sử dụng; mỗi mã chỉ dùng được một lần. Đề nghị đồng chí liên hệ Văn phòng để được cấp mã mới.
invite-expired = Mã mời đã hết hạn hoặc đã được thay bằng mã mới. Đề nghị đồng chí liên hệ Văn phòng để được cấp mã mới.
invite-official-unknown = Không có cán bộ nào mang mã { $code }.
invite-official-inactive = Cán bộ { $code } đã ngừng hoạt động trong hệ thống nên không được cấp mã mời.
invite-throttled = Tài khoản này đã gửi sai mã mời nhiều lần trong thời gian ngắn. Để bảo đảm an toàn, đề nghị đồng chí thử lại sau { $time } (khoảng { $minutes } phút nữa). Nếu chưa có mã đúng, đề nghị đồng chí liên hệ Văn phòng để được cấp mã mới.
