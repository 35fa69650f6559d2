## Zalo OA: cửa sổ miễn phí, chi phí, nút trả lời nhanh

oa-budget-warning = ⚠️ Chi phí ước tính của Zalo OA trong tháng { $month } đã đến { $estimate } đồng, { $percent }% ngân sách { $budget } đồng đã cấu hình. Đề nghị xem chi tiết bằng lệnh npm run cli -- zalo-oa usage, và cân nhắc chọn cách gửi khác ngoài khung miễn phí (zaloOa.outsideWindow trong tệp chính sách).
btn-oa-nudge = 👍 Đã nhận
oa-nudge-thanks = Đã ghi nhận. Cảm ơn đồng chí.
