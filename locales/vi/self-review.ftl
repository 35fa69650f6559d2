# Tự soi, tự sửa (Kế hoạch III.7; issue 16)

self-review-none = Chưa có đợt tự soi, tự sửa nào của đồng chí.
self-review-not-found = Không tìm thấy phiếu tự soi, tự sửa này.
self-review-not-yours = Phiếu tự soi, tự sửa này không phải của đồng chí, và đồng chí không phải lãnh đạo của người viết.
self-review-exists = Đợt tự soi, tự sửa cho kỳ { $from } – { $to } đã mở.

self-review-rating = { $rating ->
        [EXCELLENT] Hoàn thành xuất sắc nhiệm vụ
        [GOOD] Hoàn thành tốt nhiệm vụ
        [COMPLETED] Hoàn thành nhiệm vụ
       *[NOT_COMPLETED] Không hoàn thành nhiệm vụ
    }

self-review-opened-notice = 📝 Tự soi, tự sửa — { $period }
    Đợt tự soi, tự sửa đã mở. Đồng chí xem số liệu của mình (kèm các việc đứng sau từng con số), viết tự đánh giá ngắn và đề xuất mức xếp loại trước { $by }. Số liệu là căn cứ để tự soi, không phải kết luận; mức xếp loại do đồng chí tự chọn.
self-review-written-notice = 📝 { $who } đã viết tự đánh giá, đề xuất mức: { self-review-rating }. Đề nghị đồng chí xem và cho ý kiến.
self-review-commented-notice = 📝 { $who } đã cho ý kiến về tự đánh giá của đồng chí, đề xuất mức: { self-review-rating }.
    Ý kiến: { $comment }

self-review-form-title = 📝 Tự soi, tự sửa — { $period }
self-review-form-who = { $who } — { $unit }
self-review-evidence-note = { $own ->
        [yes] Số liệu dưới đây là căn cứ để đồng chí tự soi, không phải kết luận; mức xếp loại do đồng chí tự đề xuất và lãnh đạo cho ý kiến.
       *[no] Số liệu dưới đây là căn cứ tham khảo, không phải kết luận; mức xếp loại do người được đánh giá tự đề xuất và lãnh đạo cho ý kiến.
    }
self-review-items-heading = Các việc đứng sau số liệu:
self-review-items = • { $kind ->
        [on-time] Hoàn thành đúng hạn
        [late] Hoàn thành muộn
        [overdue] Quá hạn chưa hoàn thành
        [answered] Trả lời xin ý kiến có nêu quan điểm
        [no-stance] Có trả lời không nêu rõ quan điểm
        [unanswered] Quá hạn chưa trả lời
       *[explanations] Yêu cầu giải trình
    } ({ $count }): { $codes }
self-review-more = { $shown } và { $more } việc khác
self-review-signal = • Dấu hiệu hành vi số { $behaviour } (đã xác nhận) — { $item }: { $explained ->
        [yes] giải trình "{ $explanation }"
       *[no] chưa giải trình
    }
self-review-extra = • { $label } ({ $count }): { $codes }
self-review-self = Tự đánh giá ({ $at }): { $text }
    Tự đề xuất mức: { self-review-rating }
self-review-self-none = Tự đánh giá: chưa viết.
self-review-head = Ý kiến của { $who } ({ $at }): { $text }
    Lãnh đạo đề xuất mức: { self-review-rating }
self-review-head-none = Ý kiến của lãnh đạo: chưa có.
self-review-history = Lịch sử ({ $count } lần ghi):
self-review-history-line = • { $at } — { $who } — { $role ->
        [SELF] tự đánh giá
       *[HEAD] ý kiến lãnh đạo
    }: { self-review-rating }

self-review-team = 📝 Tự soi, tự sửa — { $period }: { $written }/{ $total } đồng chí đã viết tự đánh giá, { $commented } đã có ý kiến của đồng chí.
self-review-team-button = { $name } — { $state ->
        [commented] đã có ý kiến
        [written] chờ ý kiến
       *[none] chưa viết
    }

self-review-ask-text = { $role ->
        [self] Đề nghị đồng chí viết tự đánh giá ngắn (ưu điểm, hạn chế, nguyên nhân, hướng khắc phục):
       *[head] Đề nghị đồng chí nhập ý kiến nhận xét:
    }
self-review-ask-rating = { $role ->
        [self] Đồng chí tự đề xuất mức xếp loại:
       *[head] Đồng chí đề xuất mức xếp loại:
    }
self-review-saved-reply = Đã lưu { $role ->
        [self] tự đánh giá
       *[head] ý kiến
    }, mức đề xuất: { self-review-rating }. Các lần ghi trước vẫn được lưu trong lịch sử.

btn-self-open = Xem số liệu và tự đánh giá
btn-self-review-head = Xem và cho ý kiến
btn-self-write = Viết tự đánh giá
btn-self-rewrite = Viết lại tự đánh giá
btn-self-comment = Cho ý kiến
btn-self-xlsx = Tệp Excel của đơn vị

self-review-file-prefix = tu-soi
self-review-file-caption = Tự soi, tự sửa — { $unit }: { $count } đồng chí, mỗi dòng một người (số liệu, tự đánh giá, mức đề xuất của người viết và của lãnh đạo).
self-review-sheet = Tự soi, tự sửa
self-review-sheet-notes = Ghi chú
self-review-col-official = Họ và tên
self-review-col-title = Chức vụ
self-review-col-assessment = Tự đánh giá
self-review-col-rating = Tự đề xuất mức
self-review-col-written = Viết lúc
self-review-col-head = Lãnh đạo cho ý kiến
self-review-col-head-comment = Ý kiến của lãnh đạo
self-review-col-head-rating = Lãnh đạo đề xuất mức
self-review-note-unit = Đơn vị
self-review-note-period = Kỳ đánh giá
self-review-note-evidence = Lưu ý
self-review-note-evidence-text = Số liệu là căn cứ tham khảo, tính như báo cáo đánh giá (/danhgia), không phải kết luận. Mức xếp loại do người được đánh giá tự đề xuất, lãnh đạo cho ý kiến và tập thể xem xét.

reminder-self-review-0 = ⏰ Nhắc việc — tự soi, tự sửa { $period }: { $role ->
        [self] đồng chí chưa viết tự đánh giá
       *[head] đồng chí chưa cho ý kiến về tự đánh giá của { $person }
    }.
    Nếu đến { $nextAt } chưa xong, hệ thống sẽ nhắc lại.
reminder-self-review-1 = ⏰ Nhắc lần 2 — tự soi, tự sửa { $period }: { $role ->
        [self] đồng chí chưa viết tự đánh giá
       *[head] đồng chí chưa cho ý kiến về tự đánh giá của { $person }
    }.
    Nếu đến { $nextAt } chưa xong, hệ thống sẽ báo cáo { $superior }.
escalation-what-SELF_REVIEW = chưa hoàn thành phiếu tự soi, tự sửa
escalation-self-review-body = { $who } { $role ->
        [self] chưa viết tự đánh giá
       *[head] chưa cho ý kiến về tự đánh giá của { $person }
    } ({ $period }); đã nhắc { $reminders } lần.

help-cmd-self-review = /tusoi – tự soi, tự sửa: số liệu của đồng chí, tự đánh giá và mức xếp loại đề xuất
