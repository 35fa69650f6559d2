# Tự soi, tự sửa (Kế hoạch III.7; issue 16)

escalation-what-SELF_REVIEW = chưa hoàn thành phiếu tự soi, tự sửa
