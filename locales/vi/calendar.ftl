## Lịch làm việc: ngày lễ, nghỉ bù, thời lượng, lệnh calendar (add | remove | list)

calendar-weekday = { $day ->
    [0] Chủ nhật
    [1] Thứ Hai
    [2] Thứ Ba
    [3] Thứ Tư
    [4] Thứ Năm
    [5] Thứ Sáu
    [6] Thứ Bảy
   *[other] { $day }
}

calendar-day-workday = Ngày làm việc
calendar-day-weekend = Nghỉ hằng tuần
calendar-day-new-year = Tết Dương lịch
calendar-day-lunar-new-year = Tết Nguyên đán
calendar-day-hung-kings = Giỗ Tổ Hùng Vương (10/3 âm lịch)
calendar-day-victory-day = Ngày Chiến thắng (30/4)
calendar-day-labour-day = Ngày Quốc tế lao động (1/5)
calendar-day-national-day = Quốc khánh (2/9)
calendar-day-compensation = Nghỉ bù { $holiday } (ngày { $date } trùng ngày nghỉ hằng tuần)
calendar-day-extra-holiday = Ngày nghỉ do cơ quan bố trí
calendar-day-extra-workday = Ngày làm việc bù

calendar-list-title = Lịch làm việc năm { $year } (múi giờ { $timezone }): các ngày khác lịch tuần thường lệ
calendar-list-line = { $date }  { $weekday }  { $status }: { $reason }
calendar-list-off = nghỉ
calendar-list-working = làm việc
calendar-list-note = ghi chú: { $note }
calendar-list-override = theo điều chỉnh của quản trị
calendar-list-none = Không có ngày nào khác lịch tuần thường lệ.
calendar-list-summary = Tổng cộng: { $off } ngày nghỉ trong tuần, { $working } ngày làm việc vào ngày nghỉ hằng tuần.

calendar-kind-HOLIDAY = ngày nghỉ
calendar-kind-WORKDAY = ngày làm việc
calendar-added = Đã đặt ngày { $date } ({ $weekday }) là { $kind }.
calendar-replaced = Ngày { $date } trước đó là { $previous }, nay là { $kind }.
calendar-removed = Đã bỏ điều chỉnh ngày { $date } ({ $kind }); ngày này trở lại theo lịch mặc định: { $status }.
calendar-remove-none = Ngày { $date } không có điều chỉnh nào để bỏ.
calendar-error-date = "{ $input }" không phải là ngày hợp lệ (viết dạng 2027-02-10).
calendar-error-year = "{ $input }" không phải là năm hợp lệ (ví dụ 2027).
calendar-error-range = Năm { $year } nằm ngoài phạm vi lịch ({ $min }–{ $max }).
calendar-usage = Cách dùng: calendar add <ngày> [--workday] [--note "…"] | calendar remove <ngày> | calendar list [--year 2027] (thêm --lang en để xem tiếng Anh)

duration-days = { $count } ngày
duration-hours = { $count } giờ
duration-minutes = { $count } phút
duration-seconds = { $count } giây
duration-under-minute = dưới 1 phút
duration-working = { $text } làm việc
