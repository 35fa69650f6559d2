# Công cụ dòng lệnh của văn phòng (npm run cli -- …).

cli-unknown-option = Tùy chọn { $option } không có trong lệnh này (các tùy chọn: { $known }).
cli-option-value = Tùy chọn { $option } cần một giá trị đi kèm (giá trị bắt đầu bằng dấu gạch ngang thì viết { $option }=giá-trị).
cli-bad-arguments = Tham số không hợp lệ: { $detail }
cli-queue-unavailable = Đã ghi vào cơ sở dữ liệu, nhưng không kết nối được Redis ({ $redis }) trong { $seconds } giây: nhắc việc và tin nhắn sẽ được bộ đối soát của bot đang chạy lên lịch (trong vòng vài phút).
cli-ref-exists = Mã tham chiếu { $ref } đã được dùng cho { $code }: trả lại { $code }, không tạo thêm.
