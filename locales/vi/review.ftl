# Rà soát nhiệm vụ tồn đọng, quá hạn (Kế hoạch III.5; issue 16)

review-not-head = Rà soát nhiệm vụ dành cho đồng chí trưởng đơn vị.
review-not-found = Không tìm thấy đợt rà soát này trong các đợt của đồng chí.
review-already-open = Đợt rà soát { $code } đang mở. Gõ /rasoat để xem tiến độ.
review-nothing = Không có nhiệm vụ nào quá hạn hoặc đã mở quá ngưỡng rà soát: không mở đợt rà soát.
review-closed = Đợt rà soát này đã kết thúc.
review-item-not-found = Không tìm thấy việc này trong đợt rà soát.
review-item-not-yours = Việc { $code } trong đợt rà soát không chờ đồng chí quyết định.
review-item-decided = Việc { $code } trong đợt rà soát đã được quyết định.
review-item-settled = Nhiệm vụ { $code } đã được xử lý ngoài đợt rà soát (đã xong, đã chuyển hoặc đã dừng): không cần quyết định nữa.
review-nothing-for-you = Không có việc nào chờ đồng chí quyết định trong các đợt rà soát.

review-none-open = 🔎 Rà soát nhiệm vụ — { $unit }
    Đồng chí chưa mở đợt rà soát nào. Một đợt rà soát lấy mọi nhiệm vụ đang mở của đơn vị (cả các đơn vị trực thuộc) đã quá hạn hoặc đã giao quá { $stale }; mỗi người phụ trách quyết định từng việc: đã xong, giữ và hẹn lại, đề xuất chuyển hoặc đề xuất dừng. Các đề xuất sẽ chuyển đến đồng chí.
review-started-reply = 🔎 Đã mở đợt rà soát { $code }: { $count } nhiệm vụ, gửi đến { $owners } người phụ trách. Gõ /rasoat để xem tiến độ.
review-closed-reply = Đã kết thúc đợt rà soát { $code }. Các việc chưa quyết định thôi nhắc; kết quả vẫn xem được bằng /rasoat.
review-waiting-title = Chờ đồng chí quyết định trong đợt rà soát: { $items } việc, { $proposals } đề xuất.

review-task-line = { $code } "{ $title }" · giao { $given } · hạn { $deadline }{ $overdue ->
        [yes] {" "}(đã quá hạn)
       *[no] {""}
    } · { $status }
review-item-title = 🔎 Rà soát { $review } — { $code }
review-item-ask = { $head } rà soát các nhiệm vụ tồn đọng, quá hạn. Đề nghị đồng chí quyết định trước { $by }: đã xong (kèm kết quả), giữ và hẹn ngày mới (kèm lý do), đề xuất chuyển hoặc đề xuất dừng (kèm lý do).
review-item-ask-now = { $head } rà soát các nhiệm vụ tồn đọng, quá hạn. Đề nghị đồng chí quyết định: đã xong (kèm kết quả), giữ và hẹn ngày mới (kèm lý do), đề xuất chuyển hoặc đề xuất dừng (kèm lý do).
review-proposal-title = 🔎 Rà soát { $review } — { $code }: { $decision ->
        [TRANSFER] đề xuất chuyển
       *[DROP] đề xuất dừng
    }
review-proposal-body = Người phụ trách: { $who }
    Lý do: { $reason }
review-proposal-forwarded = { $head } đã đồng ý và chuyển đến đồng chí là người giao nhiệm vụ để quyết định.
review-proposal-ask = Đề nghị đồng chí cho ý kiến: đồng ý hoặc không đồng ý (kèm lý do).
review-refused-notice = Đề xuất { $decision ->
        [TRANSFER] chuyển
       *[DROP] dừng
    } nhiệm vụ { $code } không được { $who } đồng ý. Nhiệm vụ tiếp tục như cũ.
    Lý do: { $reason }
review-agreed-notice = Đề xuất { $decision ->
        [TRANSFER] chuyển
       *[DROP] dừng
    } nhiệm vụ { $code } đã được { $who } đồng ý { $applied ->
        [declined] (nhiệm vụ trả lại người giao để giao người khác).
       *[cancelled] (nhiệm vụ đã dừng).
    }

review-ask = { $kind ->
        [done] Nhiệm vụ { $code } đã xong: đề nghị nhập kết quả đạt được.
        [keep] Lý do giữ nhiệm vụ { $code } và hẹn ngày mới?
        [transfer] Lý do đề xuất chuyển nhiệm vụ { $code } (và chuyển cho ai, nếu có)?
        [drop] Lý do đề xuất dừng nhiệm vụ { $code }?
       *[refuse] Lý do không đồng ý đề xuất về nhiệm vụ { $code }?
    }
review-ask-date = Giữ nhiệm vụ { $code } (hạn hiện tại { $deadline }): đề nghị nhập ngày hẹn mới (vd: 15/12, 15/12 16:00, thứ 6). Ngày mới được gửi người giao duyệt như một đề nghị gia hạn.
review-decided-reply = Đã ghi quyết định về nhiệm vụ { $code }: { $decision ->
        [DONE] đã xong, báo cáo kết quả đã gửi người giao xác nhận.
        [KEEP] giữ và hẹn lại, đề nghị gia hạn đã gửi người giao duyệt.
        [TRANSFER] đề xuất chuyển, đã gửi lãnh đạo cho ý kiến.
       *[DROP] đề xuất dừng, đã gửi lãnh đạo cho ý kiến.
    }
review-proposal-decided-reply = { $result ->
        [applied] Đã đồng ý đề xuất về nhiệm vụ { $code }{ $applied ->
            [declined] : nhiệm vụ trả lại đồng chí để giao người khác.
           *[cancelled] : nhiệm vụ đã dừng. Nếu cần làm tiếp với người khác, đồng chí giao lại bằng /giaoviec.
        }
        [forwarded] Đã đồng ý đề xuất về nhiệm vụ { $code } và chuyển đến người giao nhiệm vụ quyết định.
       *[refused] Đã ghi ý kiến không đồng ý về nhiệm vụ { $code }; người phụ trách đã được báo.
    }

review-summary = 🔎 Rà soát { $code } — { $unit }
    Bắt đầu { $started } · ngưỡng { $stale }{ $closed ->
        [no] {""}
       *[other] {" "}· kết thúc { $closed }
    }
    Tổng số: { $total } nhiệm vụ ({ $overdue } quá hạn, { $staleCount } tồn đọng)
    Đã quyết định: { $decided } · Chờ người phụ trách: { $pendingOwner } · Chờ lãnh đạo cho ý kiến: { $pendingHead }
    Đã xong: { $done } · Giữ, hẹn lại: { $keep } · Đề xuất chuyển: { $transfer } · Đề xuất dừng: { $drop } · Không đồng ý đề xuất: { $refused } · Đã xử lý ngoài rà soát: { $settled }
review-detail-title = Chi tiết đợt rà soát { $code } ({ $total } nhiệm vụ):
review-detail-line = • { $code } "{ $title }" — { $who } — { $why ->
        [OVERDUE] quá hạn
       *[STALE] tồn đọng
    }: { $state ->
        [PENDING_OWNER] chưa quyết định
        [PENDING_HEAD] { $decision }, chờ ý kiến
        [APPLIED] { $decision }{ $proposal ->
            [yes] {", đã đồng ý"}
           *[no] {""}
        }
        [REFUSED] { $decision }, không được đồng ý
       *[SETTLED] đã xử lý ngoài rà soát
    }{ $extra }{ $note }{ $headNote }
review-detail-new-date = {" "}(hẹn { $date })
review-detail-note = {" "}— { $note }
review-detail-head-note = {" "}(ý kiến: { $note })
review-decision-label = { $decision ->
        [DONE] đã xong
        [KEEP] giữ, hẹn lại
        [TRANSFER] đề xuất chuyển
       *[DROP] đề xuất dừng
    }
review-why = { $why ->
        [OVERDUE] Quá hạn
       *[STALE] Tồn đọng
    }
review-state = { $state ->
        [PENDING_OWNER] Chưa quyết định
        [PENDING_HEAD] Chờ ý kiến lãnh đạo
        [APPLIED] Đã thực hiện
        [REFUSED] Không được đồng ý
       *[SETTLED] Đã xử lý ngoài rà soát
    }

btn-review-start = Bắt đầu rà soát
btn-review-detail = Chi tiết
btn-review-xlsx = Tệp Excel
btn-review-close = Kết thúc rà soát
btn-review-done = Đã xong
btn-review-keep = Giữ, hẹn lại
btn-review-transfer = Đề xuất chuyển
btn-review-drop = Đề xuất dừng
btn-review-agree = Đồng ý
btn-review-refuse = Không đồng ý

review-file-prefix = ra-soat
review-file-caption = Kết quả đợt rà soát { $code }: { $count } nhiệm vụ, mỗi dòng một nhiệm vụ với quyết định.
review-sheet-items = Nhiệm vụ rà soát
review-sheet-notes = Ghi chú
review-col-task = Mã nhiệm vụ
review-col-title = Nội dung
review-col-owner = Người phụ trách
review-col-unit = Đơn vị
review-col-why = Lý do rà soát
review-col-status-start = Trạng thái khi rà soát
review-col-deadline = Hạn khi rà soát
review-col-decision = Quyết định
review-col-note = Kết quả / lý do
review-col-new-date = Ngày hẹn mới
review-col-decided-at = Quyết định lúc
review-col-head = Lãnh đạo cho ý kiến
review-col-head-note = Ý kiến lãnh đạo
review-col-state = Tình trạng
review-col-status-now = Trạng thái hiện nay
review-note-code = Đợt rà soát
review-note-unit = Đơn vị
review-note-head = Lãnh đạo rà soát
review-note-started = Bắt đầu
review-note-closed = Kết thúc
review-note-items = Số nhiệm vụ
review-note-rule = Cách chọn
review-note-rule-text = Mọi nhiệm vụ đang mở (chờ nhận, đã nhận, đang thực hiện) của đơn vị và các đơn vị trực thuộc, đã quá hạn hoặc đã giao quá ngưỡng của chính sách.

reminder-review-0 = ⏰ Nhắc việc — rà soát { $review }: { $code } chưa { $role ->
        [owner] được đồng chí quyết định
       *[decider] có ý kiến của đồng chí
    }
    { $line }
    Nếu đến { $nextAt } chưa quyết định, hệ thống sẽ nhắc lại.
reminder-review-1 = ⏰ Nhắc lần 2 — rà soát { $review }: { $code } chưa { $role ->
        [owner] được đồng chí quyết định
       *[decider] có ý kiến của đồng chí
    }
    { $line }
    Nếu đến { $nextAt } chưa quyết định, hệ thống sẽ báo cáo { $superior }.
escalation-what-REVIEW_DECISION = chưa được quyết định trong đợt rà soát
escalation-review-body = { $who } chưa quyết định việc này trong đợt rà soát { $review } (từ { $since }); đã nhắc { $reminders } lần.
    { $line }

help-cmd-review = /rasoat – rà soát nhiệm vụ tồn đọng, quá hạn của đơn vị
