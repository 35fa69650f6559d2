# Công cụ dòng lệnh của văn phòng (npm run cli -- …).

cli-unknown-option = Tùy chọn { $option } không có trong lệnh này (các tùy chọn: { $known }).
cli-option-value = Tùy chọn { $option } cần một giá trị đi kèm (giá trị bắt đầu bằng dấu gạch ngang thì viết { $option }=giá-trị).
cli-bad-arguments = Tham số không hợp lệ: { $detail }
cli-queue-unavailable = Đã ghi vào cơ sở dữ liệu, nhưng không kết nối được Redis ({ $redis }) trong { $seconds } giây: nhắc việc và tin nhắn sẽ được bộ đối soát của bot đang chạy lên lịch (trong vòng vài phút).
cli-ref-exists = Mã tham chiếu { $ref } đã được dùng cho { $code }: trả lại { $code }, không tạo thêm.

# Organisations (README "A province"): --org on every command, org create.
cli-org-unknown = Không có tổ chức { $org } trong cơ sở dữ liệu này (tạo bằng: npm run cli -- org create { $org } --name …).
cli-org-embedded = Cơ sở dữ liệu nhúng (không đặt DATABASE_URL) chỉ có tổ chức mặc định, không có { $org }: cần một máy chủ PostgreSQL.
cli-org-create-embedded = Không tạo được tổ chức trong cơ sở dữ liệu nhúng (PGlite không có vai trò và bảo mật theo dòng): đặt DATABASE_URL tới một máy chủ PostgreSQL.
cli-org-created = Đã tạo tổ chức { $org } ({ $name }). Tiếp theo: npm run cli -- org import TỆP.csv --org { $org }
cli-org-exists = Tổ chức { $org } đã có.
cli-org-bad-id = Mã tổ chức { $org } không hợp lệ: 2–32 ký tự a–z, 0–9 hoặc '-', bắt đầu bằng chữ hoặc số.
cli-org-no-token-key = Chưa đặt ORG_TOKEN_KEY: mã bot của tổ chức { $org } được lưu mã hoá bằng khoá này (openssl rand -base64 32).
cli-org-token-does-not-open = Không mở được mã bot đã lưu của tổ chức { $org }: ORG_TOKEN_KEY (hoặc ORG_TOKEN_OLD_KEYS) không phải khoá đã dùng để mã hoá.
