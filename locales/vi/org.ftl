## Nhập cơ cấu tổ chức từ tệp CSV (npm run cli -- org import)
## Mỗi lỗi ghi rõ số dòng trong tệp; có bất kỳ lỗi nào thì cả tệp bị từ chối và không ghi gì vào hệ thống.

org-import-file-is-excel = Tệp này là bảng tính Excel (.xlsx hoặc .xls), không phải tệp CSV. Đồng chí mở tệp bằng Excel, chọn "Lưu thành" (Save As), kiểu "CSV UTF-8 (Comma delimited) (*.csv)", rồi nhập tệp .csv vừa lưu.
org-import-file-not-utf8 = Dòng { $line }: tệp không được lưu ở dạng UTF-8. Đồng chí mở tệp bằng Excel và lưu lại theo kiểu "CSV UTF-8 (Comma delimited)".
org-import-file-empty = Dòng { $line }: tệp không có dữ liệu dưới dòng tiêu đề.
org-import-csv-unterminated-quote = Dòng { $line }: dấu ngoặc kép (") mở ở đây nhưng không được đóng lại.
org-import-csv-text-after-quote = Dòng { $line }: có ký tự đứng sau dấu ngoặc kép đóng. Trong ô đặt giữa hai dấu ngoặc kép, dấu ngoặc kép ở nội dung phải viết thành hai dấu ("").
org-import-header-missing-column = Dòng { $line }: dòng tiêu đề thiếu cột bắt buộc "{ $column }".
org-import-header-unknown-column = Dòng { $line }: cột "{ $column }" không có trong mẫu tệp (xem samples/README.md).
org-import-header-duplicate-column = Dòng { $line }: cột "{ $column }" xuất hiện hai lần ở dòng tiêu đề.
org-import-too-many-fields = Dòng { $line }: có { $count } ô, nhiều hơn { $expected } cột của dòng tiêu đề. Nội dung có dấu phẩy cần đặt trong dấu ngoặc kép.
org-import-missing-field = Dòng { $line }: chưa điền cột bắt buộc "{ $column }".
org-import-field-too-long = Dòng { $line }: nội dung cột "{ $column }" dài quá { $max } ký tự.
org-import-bad-code = Dòng { $line }: mã "{ $value }" ở cột "{ $column }" không hợp lệ. Mã chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới, tối đa { $max } ký tự.
org-import-bad-role = Dòng { $line }: vai trò "{ $value }" không hợp lệ. Ghi một trong ba giá trị: trưởng, phó, thành viên (hoặc HEAD, DEPUTY, MEMBER).
org-import-bad-phone = Dòng { $line }: số điện thoại "{ $value }" không hợp lệ (di động 10 chữ số, cố định 11 chữ số, bắt đầu bằng 0 hoặc +84).
org-import-bad-admin-flag = Dòng { $line }: giá trị "{ $value }" ở cột is_admin không hợp lệ. Để trống, hoặc ghi 1 (quản trị hệ thống) hay 0.
org-import-unit-name-conflict = Dòng { $line }: đơn vị { $unit } mang tên "{ $name }", khác với tên "{ $firstName }" ở dòng { $firstLine }.
org-import-unit-parent-conflict = Dòng { $line }: đơn vị { $unit } có đơn vị cấp trên là { $parent }, khác với { $firstParent } ở dòng { $firstLine }.
org-import-unit-undeclared = Dòng { $line }: đơn vị { $unit } chưa được ghi tên (cột unit_name) ở dòng nào trong tệp.
org-import-unknown-parent = Dòng { $line }: đơn vị cấp trên { $parent } của đơn vị { $unit } không có trong tệp.
org-import-unit-cycle = Dòng { $line }: quan hệ cấp trên giữa các đơn vị khép thành vòng: { $cycle }.
org-import-two-heads = Dòng { $line }: đơn vị { $unit } đã có người đứng đầu là { $otherOfficial } (dòng { $otherLine }); mỗi đơn vị chỉ có một trưởng, nên { $official } không thể cũng là trưởng.
org-import-duplicate-official = Dòng { $line }: mã cán bộ { $official } đã được dùng ở dòng { $firstLine }.
org-import-unknown-superior = Dòng { $line }: cấp trên trực tiếp { $superior } của cán bộ { $official } không có trong tệp.
org-import-superior-cycle = Dòng { $line }: cấp trên trực tiếp của cán bộ { $official } tạo thành vòng khép kín: { $cycle }.

## Kết quả nhập tổ chức

org-import-rejected = Tệp bị từ chối, chưa ghi gì vào hệ thống: { $count } lỗi.
org-import-done = Đã nhập cơ cấu tổ chức.
org-import-units = Đơn vị: { $created } thêm mới, { $updated } cập nhật, { $deactivated } ngừng hoạt động.
org-import-officials = Cán bộ: { $created } thêm mới, { $updated } cập nhật, { $deactivated } ngừng hoạt động.
org-import-deactivated-note = Cán bộ và đơn vị không còn trong tệp được chuyển sang ngừng hoạt động, không bị xóa: nhiệm vụ, nhắc việc và nhật ký của họ vẫn được giữ nguyên.
org-import-valid = Tệp hợp lệ: { $units } đơn vị, { $officials } cán bộ. Đây là chạy thử, chưa ghi gì vào hệ thống.

## Kế hoạch thay đổi: hiện trước mỗi lần nhập và khi chạy thử (--dry-run)

org-import-plan-unit-added = + đơn vị { $code } – { $name }: thêm mới
org-import-plan-unit-changed = ~ đơn vị { $code } – { $name }: { $fields }
org-import-plan-unit-deactivated = − đơn vị { $code } – { $name }: ngừng hoạt động
org-import-plan-official-added = + { $code } { $name } ({ $unit }): thêm mới
org-import-plan-official-changed = ~ { $code } { $name } ({ $unit }): { $fields }
org-import-plan-official-deactivated = − { $code } { $name } ({ $unit }): ngừng hoạt động
org-import-plan-more = … và { $count } dòng khác
org-import-field-name = đổi tên
org-import-field-position = đổi vị trí trong cơ cấu
org-import-field-fullName = đổi họ tên
org-import-field-title = đổi chức danh
org-import-field-role = đổi vai trò
org-import-field-unit = chuyển đơn vị
org-import-field-superior = đổi cấp trên trực tiếp
org-import-field-phone = đổi số điện thoại
org-import-field-isAdmin = đổi quyền quản trị
org-import-field-reactivated = hoạt động trở lại
org-import-refused = Từ chối nhập, chưa ghi gì vào hệ thống: tệp này sẽ cho { $count } trong số { $active } cán bộ đang hoạt động ngừng hoạt động ({ NUMBER($percent, maximumFractionDigits: 1) }%), vượt ngưỡng cho phép (quá { $maxOfficials } người hoặc quá { $maxPercent }%; mục orgImport trong tệp chính sách). Có thể tệp chỉ chứa một phần của tổ chức.
org-import-refused-hint = Nếu đúng là những cán bộ trên đã thôi công tác hoặc chuyển đi, đồng chí chạy lại lệnh với --allow-deactivate (xem trước bằng --dry-run).
