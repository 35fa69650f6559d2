# Sự kiện gửi sang hệ thống khác qua webhook (npm run cli -- webhook …, API /api/v1/events/replay).

webhook-name-required = Đề nghị ghi tên hệ thống nhận (--name), ví dụ --name QLVB.
webhook-name-taken = Đã có đăng ký webhook tên { $name }. Muốn đổi địa chỉ hoặc sự kiện: xóa (webhook remove --name { $name }) rồi thêm lại.
webhook-not-found = Không có đăng ký webhook tên { $name } (xem danh sách: webhook list).
webhook-url-invalid = Địa chỉ webhook không hợp lệ: "{ $url }". Đề nghị ghi đầy đủ, ví dụ https://qlvb.example.gov.vn/dondoc/events.
webhook-url-not-https = Địa chỉ webhook phải dùng https:// (nội dung có tên cán bộ và công việc); http:// chỉ dùng cho máy chủ này (127.0.0.1, localhost). Đã ghi: "{ $url }".
webhook-url-credentials = Địa chỉ webhook không được chứa tên đăng nhập hay mật khẩu ("{ $url }"): bên nhận xác thực bằng chữ ký X-Dondoc-Signature.
webhook-unknown-events = Không có loại sự kiện: { $unknown }. Các loại sự kiện: task.accepted, task.declined, task.extension_requested, task.completed, task.confirmed, task.overdue, consultation.answered, consultation.closed, explanation.demanded (ngăn cách bằng dấu phẩy).
webhook-unknown-unit = Không có đơn vị mã { $code }.
webhook-no-key = Chưa đặt WEBHOOK_SECRET_KEY: khóa bí mật ký webhook được lưu mã hóa bằng khóa này. Tạo khóa bằng lệnh: openssl rand -base64 32, ghi vào .env rồi chạy lại.
webhook-replay-range = Khoảng thời gian phát lại không hợp lệ: --from phải trước --to (ví dụ --from 07/12/2026 --to 08/12/2026, hoặc 2026-12-07T09:00:00+07:00).
webhook-replay-too-long = Mỗi lần phát lại tối đa { $days } ngày.
webhook-added = Đã thêm webhook { $name } → { $url } ({ $events }; phạm vi: { $scope }).
webhook-secret-once = Khóa bí mật ký (chỉ hiện một lần, đề nghị lưu lại ngay ở hệ thống nhận):
webhook-scope-all = toàn bộ tổ chức
webhook-removed = Đã xóa webhook { $name } cùng các lần gửi còn chờ.
webhook-list-empty = Chưa có đăng ký webhook nào (thêm: webhook add --name … --url … --events …).
webhook-replayed = Phát lại { $name }: { $requeued } sự kiện gửi lại, { $added } sự kiện gửi lần đầu.
webhook-replay-problem = Yêu cầu phát lại không hợp lệ.
webhook-replay-forbidden = Khóa API này không được phát lại sự kiện của webhook { $name } (ngoài phạm vi đơn vị của khóa).
