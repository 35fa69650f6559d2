## Chung: trợ giúp, lỗi, tin nhắn không hiểu

unknown-input = Tôi chưa hiểu yêu cầu này. Gõ /trogiup để xem những việc tôi làm được.
error-internal = Hệ thống đang gặp sự cố, yêu cầu của đồng chí chưa được ghi nhận. Đồng chí vui lòng thử lại sau ít phút.
error-malformed-action = Nút bấm này không còn hợp lệ. Đồng chí gõ /viec để xem danh sách mới.
error-text-too-long = Nội dung quá dài (tối đa { $max } ký tự). Đồng chí vui lòng rút gọn.
