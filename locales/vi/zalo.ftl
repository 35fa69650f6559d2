## Kênh không có nút bấm (Zalo), kênh nhận thông báo, tệp gửi qua liên kết, hạn mức tin nhắn

numbered-intro = Đồng chí trả lời bằng số:
numbered-intro-commands = Đồng chí trả lời bằng số (hoặc gõ lệnh trong ngoặc):
numbered-option = { $n } – { $label }
numbered-option-command = { $n } – { $label } ({ $command })
numbered-cancel = Gõ /huy để dừng.

item-command-usage = Dùng: { $command } kèm mã, ví dụ: { $command } { $example }
item-command-unknown = Không tìm thấy { $code }. Đề nghị đồng chí kiểm tra lại mã.
item-command-nothing = { $code } hiện không có nội dung nào để xử lý bằng lệnh { $command }.

help-text-channel = /kenh – chọn kênh nhận thông báo: Telegram, Zalo hoặc Zalo OA của đơn vị (/kenh telegram, /kenh zalo, /kenh oa; khi đồng chí liên kết nhiều kênh)

channel-name-TELEGRAM = Telegram
channel-name-ZALO = Zalo
channel-name-ZALO_OA = Zalo OA
channel-status = Thông báo đang được gửi cho đồng chí qua { $current }. Tài khoản đã liên kết: { $linked }.
    Đổi kênh nhận thông báo: { $commands }.
channel-linked-unreachable = { $channel } (tạm thời không gửi được)
channel-usage = Dùng: /kenh telegram, /kenh zalo hoặc /kenh oa (Zalo OA của đơn vị).
channel-not-linked = Đồng chí chưa liên kết tài khoản { $channel }. Đề nghị liên hệ Văn phòng để được cấp mã mời, rồi gửi mã đó cho bot trên { $channel }.
channel-set = Từ nay thông báo được gửi cho đồng chí qua { $channel }. Đồng chí vẫn có thể trả lời trên mọi kênh đã liên kết.
channel-command = /kenh
btn-channel-choose = Nhận qua { $channel }
channel-fallback-notice = Hệ thống không gửi được tin nhắn cho đồng chí qua { $from } nên chuyển sang gửi qua { $to }. Khi đồng chí nhắn lại cho bot trên { $from }, thông báo sẽ được gửi qua { $from } như trước.

file-link = Tệp { $filename }: { $url }
    (Liên kết tải về có hiệu lực đến { $until }.)
file-link-unavailable = Tệp { $filename } đã sẵn sàng nhưng máy chủ chưa được cấu hình địa chỉ công khai (PUBLIC_BASE_URL) để gửi liên kết tải về. Đề nghị đồng chí liên hệ Văn phòng để nhận tệp.
# A file a person sent on Zalo (its own download address), passed on to someone on the OA.
file-zalo-link = Tệp minh chứng gửi qua Zalo: { $url }
file-on-other-channel = (Kèm { $kind ->
        [photo] ảnh
       *[other] tệp
    } minh chứng gửi qua { $channel }; hệ thống không chuyển được sang kênh này. Đồng chí xem trên { $channel } hoặc đề nghị người gửi gửi lại.)

quota-warning = ⚠️ Bot { $channel } đã gửi { $count }/{ $cap } tin nhắn trong tháng { $month } ({ $percent }% hạn mức đã cấu hình). Khi vượt hạn mức của gói dịch vụ, { $channel } có thể ngừng chuyển tin nhắn đến hết tháng. Đề nghị kiểm tra gói dịch vụ của bot, hoặc đề nghị cán bộ đã liên kết Telegram chuyển sang nhận thông báo qua Telegram (/kenh telegram).
prompt-number-unknown = Tin nhắn gần nhất không có lựa chọn số { $n }. Đồng chí xem lại các lựa chọn đánh số, gõ lệnh kèm mã (vd: /nhan NV-2026-0012) hoặc gõ /trogiup.
file-link-page-unknown = Liên kết tải tệp không đúng. Đề nghị kiểm tra lại, hoặc yêu cầu gửi lại báo cáo trong ứng dụng chat.
file-link-page-expired = Liên kết tải tệp đã hết hạn. Đề nghị yêu cầu lại báo cáo trong ứng dụng chat (vd: /danhgia thang) để nhận liên kết mới.
file-link-page-gone = Tệp không còn trên máy chủ. Đề nghị yêu cầu lại báo cáo trong ứng dụng chat (vd: /danhgia thang).
menu-kenh = Chọn kênh nhận thông báo (Telegram/Zalo/Zalo OA)
zalo-oa-reauthorize = ⚠️ Zalo OA của đơn vị đã ngừng gửi tin: Zalo từ chối gia hạn mã truy cập ({ $reason }). Các tin nhắn qua Zalo OA đang được giữ lại và sẽ được gửi sau khi cấp quyền lại. Đề nghị quản trị viên OA thực hiện: chạy npm run cli -- zalo-oa authorize, mở địa chỉ in ra bằng tài khoản quản trị OA và chọn đồng ý cấp quyền trên trang của Zalo, rồi chạy lệnh kèm --code theo hướng dẫn.
