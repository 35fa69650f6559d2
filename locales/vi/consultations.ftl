## Xin ý kiến: câu hỏi, ý kiến trả lời, kết luận, vòng mới, danh sách /ykien

stance-AGREE = Đồng ý
stance-DISAGREE = Không đồng ý
stance-AGREE_WITH_AMENDMENTS = Đồng ý có ý kiến bổ sung
stance-none = chưa có ý kiến

consult-status-OPEN = Đang chờ ý kiến
consult-status-CLOSED = Đã kết luận
consult-status-SUPERSEDED = Đã chuyển sang vòng sau
consult-state-waiting = chưa có ý kiến
consult-state-no-stance = chưa nêu rõ quan điểm

btn-agree = Đồng ý
btn-disagree = Không đồng ý
btn-amend = Đồng ý có ý kiến bổ sung
btn-clarify = Xin làm rõ
btn-delegate = Giao cấp phó trả lời thay
btn-close-consult = Kết luận
btn-new-round = Mở vòng mới
btn-reply-clarify = Trả lời câu hỏi làm rõ
btn-nudge-person = Nhắc đ/c { $name }
btn-explain-person = Yêu cầu giải trình: đ/c { $name }
btn-done = Xong
btn-default-deadline = Mặc định: { $deadline }
btn-send-consult = Gửi xin ý kiến

consult-new-title = ❓ Xin ý kiến { $code }
consult-new-round-title = ❓ Xin ý kiến { $code } (vòng { $round }, tiếp theo { $previous })
consult-new-minimal = ❓ Xin ý kiến { $code }: { $subject }. Hạn trả lời: { $deadline }.
consult-line-asker = Người xin ý kiến: { $who }
consult-line-subject = Vấn đề: { $subject }
consult-line-question = Nội dung: { $question }
consult-line-task = Liên quan nhiệm vụ: { $code } "{ $title }"
consult-line-round = Vòng { $round }, tiếp theo { $previous }
consult-line-deadline = Thời hạn trả lời: { $deadline } · Mức độ: { $priority }
consult-new-ask = Đề nghị đồng chí cho ý kiến: Đồng ý, Không đồng ý (nêu lý do) hoặc Đồng ý có ý kiến bổ sung (nêu nội dung bổ sung).
consult-delegated-intro = { $head } giao đồng chí trả lời thay. Ý kiến của đồng chí được ghi nhận là ý kiến trả lời thay.

consult-step-who = Xin ý kiến – bước 1/6: Xin ý kiến ai? Gõ họ tên, mã cán bộ hoặc chức vụ để tìm (mỗi lần một người).
consult-who-added = Đã chọn: { $names }. Gõ tên người tiếp theo, hoặc bấm "Xong".
consult-who-added-typed = Đã chọn: { $names }. Gõ tên người tiếp theo, hoặc gõ số của lựa chọn "Xong".
consult-step-subject = Xin ý kiến – bước 2/6: Vấn đề xin ý kiến (tên ngắn gọn)?
consult-step-question = Xin ý kiến – bước 3/6: Nội dung cần cho ý kiến (nêu rõ phương án, đề xuất để người được hỏi đồng ý hay không)?
consult-step-priority = Xin ý kiến – bước 4/6: Mức độ?
consult-step-deadline = Xin ý kiến – bước 5/6: Thời hạn trả lời? Bấm "Mặc định" để lấy { $deadline }, hoặc nhập (vd: 05/12, 05/12 16:00, thứ 6).
consult-step-deadline-typed = Xin ý kiến – bước 5/6: Thời hạn trả lời? Gõ số của lựa chọn "Mặc định" để lấy { $deadline }, hoặc nhập (vd: 05/12, 05/12 16:00, thứ 6).
consult-step-link = Xin ý kiến – bước 6/6: Có liên quan đến nhiệm vụ (NV-…) hoặc lần xin ý kiến trước (YK-…, khi đó là vòng tiếp theo của cùng vấn đề) không? Gõ mã, hoặc bấm "Bỏ qua".
consult-step-link-typed = Xin ý kiến – bước 6/6: Có liên quan đến nhiệm vụ (NV-…) hoặc lần xin ý kiến trước (YK-…, khi đó là vòng tiếp theo của cùng vấn đề) không? Gõ mã, hoặc gõ số của lựa chọn "Bỏ qua".
consult-link-unreadable = Đề nghị gõ mã dạng NV-2026-0012 hoặc YK-2026-0031, hoặc bấm "Bỏ qua".
consult-link-unreadable-typed = Đề nghị gõ mã dạng NV-2026-0012 hoặc YK-2026-0031, hoặc gõ số của lựa chọn "Bỏ qua".
consult-link-round = vòng { $round }, tiếp theo { $code }
consult-confirm = Đề nghị kiểm tra lại trước khi gửi:
    Xin ý kiến: { $names }
    Vấn đề: { $subject }
    Nội dung: { $question }
    Thời hạn trả lời: { $deadline } · Mức độ: { $priority }
consult-confirm-link = Liên quan: { $link }
consult-asked-reply = ✅ Đã gửi xin ý kiến { $code } tới { $count } người. Thời hạn trả lời: { $deadline }. Theo dõi bằng /ykien.
consult-asked-unreachable = Lưu ý: { $names } chưa liên kết tài khoản chat hoặc không nhận được tin nhắn; đề nghị xin ý kiến vẫn được ghi nhận và hiển thị trong tổng hợp.

consult-ask-disagree = Đồng chí không đồng ý với { $code }. Đề nghị nêu lý do:
consult-ask-amend = Đồng chí đồng ý có ý kiến bổ sung với { $code }. Đề nghị nêu nội dung bổ sung:
consult-answer-reply = ✅ Đã ghi nhận ý kiến "{ $stance }" của đồng chí về { $code }. Đồng chí có thể thay đổi ý kiến cho đến khi người xin ý kiến kết luận.
consult-answer-changed-reply = ✅ Đã ghi nhận ý kiến mới "{ $stance }" của đồng chí về { $code }.
consult-answer-reply-deputy = ✅ Đã ghi nhận ý kiến "{ $stance }" về { $code } do đồng chí trả lời thay { $head }.
consult-answer-notice = 📝 { $code }: { $who } cho ý kiến "{ $stance }"
consult-answer-changed-notice = 📝 { $code }: { $who } thay đổi ý kiến thành "{ $stance }" (trước đó: { $previous })
consult-answer-by-deputy = (Trả lời thay { $head })
consult-answer-text = Nội dung: { $text }
consult-tally = Đã có ý kiến: { $answered }/{ $total }.
consult-all-answered = Đã đủ ý kiến. Đề nghị đồng chí kết luận hoặc mở vòng xin ý kiến mới.
consult-answered-for-you = ℹ️ { $code }: { $who } đã trả lời thay đồng chí, ý kiến "{ $stance }". Việc trả lời thay được ghi nhận.

consult-free-text-reply = Đã ghi nhận nội dung đồng chí gửi về { $code } và chuyển tới người xin ý kiến. Nội dung này chưa nêu rõ quan điểm nên chưa được tính là ý kiến trả lời; hạn trả lời vẫn là { $deadline }. Đề nghị đồng chí chọn: Đồng ý, Không đồng ý hoặc Đồng ý có ý kiến bổ sung.
consult-free-text-notice = 💬 { $code }: { $who } gửi nội dung chưa nêu rõ quan điểm
    Nội dung: { $text }
    Nội dung này chưa phải ý kiến trả lời; hệ thống tiếp tục chờ ý kiến (hạn { $deadline }).
consult-comment-notice = 💬 { $code }: { $who } gửi thêm nội dung
    Nội dung: { $text }
consult-free-pick = Nội dung đồng chí vừa gửi thuộc đề nghị xin ý kiến nào?
consult-typed-stance = Đồng chí cho ý kiến "{ $stance }" về { $code } ({ $subject })? Đề nghị bấm nút tương ứng để ghi nhận ý kiến.
consult-typed-stance-typed = Đồng chí cho ý kiến "{ $stance }" về { $code } ({ $subject })? Đề nghị gõ số của lựa chọn tương ứng để ghi nhận ý kiến.

consult-clarify-ask = Đồng chí xin làm rõ về { $code } (mỗi người được hỏi một lần; thời hạn trả lời không thay đổi). Đề nghị nhập nội dung cần làm rõ:
consult-clarify-reply = ✅ Đã gửi câu hỏi làm rõ tới người xin ý kiến. Thời hạn trả lời { $code } vẫn là { $deadline }.
consult-clarify-notice = ❔ { $code }: { $who } đề nghị làm rõ
    Vấn đề: { $subject }
    Câu hỏi: { $text }
consult-clarify-used = Đồng chí đã xin làm rõ về { $code } một lần. Đề nghị cho ý kiến.
consult-reply-ask = Trả lời câu hỏi làm rõ của { $who } về { $code }. Đề nghị nhập nội dung:
consult-reply-sent = ✅ Đã gửi trả lời làm rõ về { $code } tới { $who }.
consult-reply-notice = 💡 { $code }: { $who } trả lời nội dung đồng chí đề nghị làm rõ
    Câu hỏi: { $question }
    Trả lời: { $text }
    Thời hạn trả lời: { $deadline }. Đề nghị đồng chí cho ý kiến.

consult-delegate-pick = Giao cấp phó nào trả lời thay về { $code }?
consult-delegated-reply = ✅ Đã giao { $who } trả lời thay về { $code }. Việc giao cấp phó trả lời thay được ghi nhận.

consult-close-ask = Kết luận { $code }. Đề nghị nhập nội dung kết luận (sẽ gửi tới tất cả người được xin ý kiến):
consult-closed-reply = ✅ Đã kết luận { $code } và gửi kết luận tới { $count } người được xin ý kiến.
consult-closed-notice = 🏁 Kết luận { $code }: { $subject }
    Người kết luận: { $who }, lúc { $at }
    Kết luận: { $decision }
    Ý kiến của đồng chí: { $stance }

consult-round-ask = Mở vòng { $round } cho vấn đề "{ $subject }" (tiếp theo { $code }), gửi tới: { $names }. Đề nghị nhập nội dung xin ý kiến vòng này:
consult-round-deadline = Thời hạn trả lời vòng này? Bấm "Mặc định" để lấy { $deadline }, hoặc nhập (vd: 05/12, 05/12 16:00, thứ 6).
consult-round-deadline-typed = Thời hạn trả lời vòng này? Gõ số của lựa chọn "Mặc định" để lấy { $deadline }, hoặc nhập (vd: 05/12, 05/12 16:00, thứ 6).

consult-nudged-notice = 🔔 { $who } nhắc đồng chí cho ý kiến về { $code } "{ $subject }". Thời hạn trả lời: { $deadline }.
consult-nudged-reply = Đã nhắc { $names } về { $code }.

consult-card-title = ❓ { $code } · { $status }
consult-card-answers = Ý kiến ({ $answered }/{ $total }):
consult-resp-answered = { $mark } { $who }: { $stance } ({ $at }){ $text }
consult-resp-by = ↳ { $who } trả lời thay
consult-resp-no-stance = { $mark } { $who }: chưa nêu rõ quan điểm — "{ $text }"
consult-resp-waiting = { $mark } { $who }: chưa có ý kiến
consult-resp-delegated = ↳ Đã giao { $who } trả lời thay
consult-card-clarify-q = ❔ { $who } hỏi: "{ $text }"
consult-card-clarify-a = 💡 { $who } trả lời: "{ $text }"
consult-card-decision = 🏁 Kết luận ({ $at }): { $decision }
consult-card-demand = 📄 { $code }: yêu cầu giải trình { $who } · { $status }
consult-card-overdue = Đã quá hạn trả lời { $late }.

consult-list-empty = Hiện không có đề nghị xin ý kiến nào chờ đồng chí trả lời hoặc do đồng chí gửi đang mở.
consult-list-waiting-title = 📥 Chờ đồng chí cho ý kiến ({ $total })
consult-list-waiting = { $mark } { $code } · { $subject } · hạn { $deadline } · { $asker }
consult-list-for-head = (trả lời thay đ/c { $head })
consult-list-asked-title = 📤 Đồng chí đã xin ý kiến, đang mở ({ $total })
consult-list-asked = { $code } · { $subject } · hạn { $deadline } · đã có { $answered }/{ $total } ý kiến

reminder-consult-0 = ⏰ Nhắc: { $code } chưa có ý kiến
    Đồng chí được { $asker } xin ý kiến về "{ $subject }" từ { $askedAt }, hạn { $deadline }.
    Đề nghị đồng chí cho ý kiến: Đồng ý, Không đồng ý hoặc Đồng ý có ý kiến bổ sung.
reminder-consult-1 = ⏰ Nhắc lần 2 — { $code } chưa có ý kiến
    Đồng chí được xin ý kiến về "{ $subject }" từ { $askedAt }, hạn { $deadline } (đã quá { $late }).
    Nếu đến { $nextAt } chưa có ý kiến, hệ thống sẽ báo cáo { $superior }.
reminder-consult-no-stance = Nội dung đồng chí đã gửi chưa nêu rõ quan điểm nên chưa được tính là ý kiến.
escalation-consult-title = ⚠️ Báo cáo cấp trên: { $code } chưa có ý kiến
escalation-consult-body = { $who } được { $asker } xin ý kiến về "{ $subject }" từ { $askedAt }.
    Hạn trả lời: { $deadline } (đã quá { $late }); đã nhắc { $reminders } lần.
escalation-consult-no-stance = Đã có nội dung trả lời nhưng chưa nêu rõ quan điểm.
consult-escalation-level = (Cấp báo cáo { $level }: đồng chí là cấp trên { $depth } bậc của người được xin ý kiến.)

consult-not-found = Không tìm thấy đề nghị xin ý kiến này.
consult-not-visible = Đề nghị xin ý kiến này nằm ngoài phạm vi đồng chí được xem.
consult-not-respondent = Đồng chí không phải người được xin ý kiến về { $code } nên không trả lời được.
consult-not-asker = Chỉ người xin ý kiến { $code } mới thực hiện được thao tác này.
consult-closed = { $code } đã kết luận hoặc đã chuyển sang vòng sau; không còn nhận ý kiến.
consult-already-answered = Đồng chí đã cho ý kiến về { $code }.
consult-round-exists = { $code } đã có vòng tiếp theo là { $next }.
consult-no-question = Không có câu hỏi làm rõ nào về { $code } để trả lời.
consult-nobody-waiting = Mọi người đều đã cho ý kiến về { $code }.
consult-explain-pick = Đề nghị mở { $code } (Xem chi tiết) và chọn người cần giải trình.
consult-delegate-none = Đơn vị của đồng chí chưa có cấp phó để giao trả lời thay.
consult-delegate-not-deputy = Chỉ giao được cho cấp phó của đơn vị mình.
consult-respondent-unknown = Có người được chọn không còn trong danh sách cán bộ. Đề nghị chọn lại.
consult-clear-respondents = Xin ý kiến phải rõ người được hỏi: đề nghị chọn ít nhất một người.
consult-clear-subject = Xin ý kiến phải rõ vấn đề (ít nhất vài chữ).
consult-clear-question = Xin ý kiến phải rõ nội dung cần cho ý kiến (ít nhất vài chữ).
consult-clear-deadline = Xin ý kiến phải có thời hạn trả lời.
consult-self = Không thể tự xin ý kiến chính mình.
consult-too-many = Mỗi lần xin ý kiến tối đa { $max } người.
consult-disagree-needs-reason = Ý kiến "Không đồng ý" cần nêu lý do (ít nhất vài chữ).
consult-amend-needs-text = Ý kiến "Đồng ý có ý kiến bổ sung" cần nêu nội dung bổ sung (ít nhất vài chữ).
consult-decision-required = Đề nghị nhập nội dung kết luận cụ thể (ít nhất vài chữ).
