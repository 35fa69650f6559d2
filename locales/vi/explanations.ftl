## Yêu cầu giải trình

explain-new-title = 📄 Yêu cầu giải trình { $code }
explain-line-requester = Người yêu cầu: { $who }
explain-line-person = Người giải trình: { $who }
explain-line-item = Về: { $code } "{ $title }"
explain-line-question = Nội dung: { $question }
explain-line-deadline = Thời hạn giải trình: { $deadline }
explain-line-answer = Giải trình ({ $at }): { $text }
explain-new-ask = Đề nghị đồng chí bấm "Giải trình" và nhập nội dung giải trình.
explain-new-ask-typed = Đề nghị đồng chí gõ số của lựa chọn "Giải trình" và nhập nội dung giải trình.
explain-default-question = Đề nghị đồng chí giải trình rõ lý do chậm trễ đối với { $code }, trách nhiệm của cá nhân và biện pháp khắc phục.
explain-item-line = 📄 { $code }: yêu cầu giải trình { $who }, hạn { $deadline } · { $status }
explain-card-title = 📄 { $code } · { $status }
explain-status-OPEN = Chờ giải trình
explain-status-ANSWERED = Đã giải trình
explain-status-CANCELLED = Đã hủy
btn-explain-answer = Giải trình
btn-explain-default = Dùng nội dung mặc định

explain-demand-ask = Yêu cầu giải trình về { $about }. Người giải trình: { $who }. Đề nghị nhập nội dung cần giải trình, hoặc bấm "Dùng nội dung mặc định".
explain-demand-ask-typed = Yêu cầu giải trình về { $about }. Người giải trình: { $who }. Đề nghị nhập nội dung cần giải trình, hoặc gõ số của lựa chọn "Dùng nội dung mặc định".
explain-demanded-reply = ✅ Đã gửi yêu cầu giải trình { $code } tới { $who }. Thời hạn giải trình: { $deadline }.
explain-answer-ask = Giải trình { $code }. Đề nghị nhập nội dung giải trình:
explain-answered-reply = ✅ Đã gửi giải trình { $code } tới người yêu cầu.
explain-answered-notice = 📄 { $code }: giải trình của { $who }
    Về: { $item }
    Nội dung giải trình: { $text }
    Gửi lúc { $at } (thời hạn { $deadline }).

reminder-explain-0 = ⏰ Nhắc: { $code } chưa có giải trình
    { $requester } yêu cầu đồng chí giải trình về { $item } từ { $askedAt }, hạn { $deadline }.
    Đề nghị đồng chí bấm "Giải trình" và nhập nội dung.
reminder-explain-0-typed = ⏰ Nhắc: { $code } chưa có giải trình
    { $requester } yêu cầu đồng chí giải trình về { $item } từ { $askedAt }, hạn { $deadline }.
    Đề nghị đồng chí gõ số của lựa chọn "Giải trình" và nhập nội dung.
reminder-explain-1 = ⏰ Nhắc lần 2 — { $code } chưa có giải trình
    Yêu cầu giải trình về { $item }, hạn { $deadline } (đã quá { $late }).
    Nếu đến { $nextAt } chưa giải trình, hệ thống sẽ báo cáo { $superior }.
escalation-explain-title = ⚠️ Báo cáo cấp trên: { $code } chưa có giải trình
escalation-explain-body = { $who } được { $requester } yêu cầu giải trình về { $item } từ { $askedAt }.
    Hạn giải trình: { $deadline } (đã quá { $late }); đã nhắc { $reminders } lần.
explain-escalation-level = (Cấp báo cáo { $level }: đồng chí là cấp trên { $depth } bậc của người phải giải trình.)

explain-not-found = Không tìm thấy yêu cầu giải trình này.
explain-not-yours = Yêu cầu giải trình { $code } không gửi cho đồng chí.
explain-answered = Yêu cầu giải trình { $code } đã được trả lời.
explain-answer-required = Đề nghị nhập nội dung giải trình cụ thể (ít nhất vài chữ).
explain-not-allowed = Chỉ cấp trên của người có trách nhiệm (hoặc người giao việc) mới yêu cầu giải trình được.
explain-not-applicable = { $code } chưa quá hạn, chưa có dấu hiệu hay báo cáo cấp trên nào nên chưa thể yêu cầu giải trình.
explain-open-exists = Đã có yêu cầu giải trình { $code } đang chờ trả lời cho nội dung này.
explain-not-visible = Yêu cầu giải trình này nằm ngoài phạm vi đồng chí được xem.
