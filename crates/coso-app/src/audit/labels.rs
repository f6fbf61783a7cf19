//! The audit log in words: what each action code means, which kind of act it is, and the
//! Vietnamese names of the objects and fields its entries mention.

/// What an entry records: a change, a read of personal data, an account event or an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Change,
    SensitiveRead,
    Account,
    Export,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Change, Kind::SensitiveRead, Kind::Account, Kind::Export];

    /// The value of the page's `loai` filter.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Change => "thay-doi",
            Kind::SensitiveRead => "truy-cap",
            Kind::Account => "tai-khoan",
            Kind::Export => "xuat-du-lieu",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Change => "Thay đổi dữ liệu",
            Kind::SensitiveRead => "Truy cập dữ liệu nhạy cảm",
            Kind::Account => "Tài khoản và đăng nhập",
            Kind::Export => "Xuất dữ liệu",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The action codes of this kind. A change is every code that is not of another kind, so
    /// that a code added later is never hidden from the changes.
    pub fn actions(self) -> Vec<&'static str> {
        ACTIONS.iter().filter(|a| a.kind == self).map(|a| a.code).collect()
    }
}

/// One action code that coso writes to the log.
#[derive(Debug, Clone, Copy)]
pub struct ActionLabel {
    pub code: &'static str,
    pub label: &'static str,
    pub kind: Kind,
}

const fn action(code: &'static str, label: &'static str, kind: Kind) -> ActionLabel {
    ActionLabel { code, label, kind }
}

/// Every action code written by the store or a use case, in words. A test checks that every
/// code in the sources is here.
pub const ACTIONS: &[ActionLabel] = &[
    action("household.list", "Xem danh sách hộ gia đình", Kind::SensitiveRead),
    action("household.create", "Thêm hộ gia đình", Kind::Change),
    action("household.import", "Nhập sổ hộ gia đình từ tệp", Kind::Change),
    action("user.create", "Tạo người dùng", Kind::Change),
    action("user.staff_add", "Tạo tài khoản cán bộ, công chức, viên chức của cơ quan, đơn vị", Kind::Change),
    action("user.staff_remove", "Gỡ tài khoản cán bộ, công chức, viên chức khỏi cơ quan, đơn vị", Kind::Change),
    action("user.password_reset", "Đặt lại mật khẩu", Kind::Account),
    action("user.sign_up", "Đăng ký tài khoản người dân", Kind::Account),
    action("user.sign_up_existing", "Đăng ký lại bằng e-mail đã có tài khoản", Kind::Account),
    action("user.email_verified", "Xác minh e-mail", Kind::Account),
    action("user.verification_resent", "Gửi lại thư xác minh e-mail", Kind::Account),
    action("household_link.request", "Đề nghị liên kết với hộ gia đình", Kind::Change),
    action("household_link.confirm", "Xác nhận người đại diện hộ", Kind::Change),
    action("household_link.refuse", "Từ chối liên kết với hộ gia đình", Kind::Change),
    action("household_link.end", "Kết thúc liên kết với hộ gia đình", Kind::Change),
    action("unit.create", "Tạo đơn vị hành chính", Kind::Change),
    action("unit.load_official", "Nạp danh mục đơn vị hành chính chính thức", Kind::Change),
    action("unit.succession", "Ghi nhận sắp xếp, kế thừa đơn vị", Kind::Change),
    action("unit.remote", "Đánh dấu đơn vị vùng sâu, vùng xa", Kind::Change),
    action("plan.create", "Ban hành kế hoạch", Kind::Change),
    action("plan.link_parent", "Gắn với kế hoạch cấp trên", Kind::Change),
    action("task.update", "Cập nhật tiến độ nhiệm vụ", Kind::Change),
    action("task.note", "Ghi chú vào nhiệm vụ", Kind::Change),
    action("evidence.add", "Thêm tệp minh chứng", Kind::Change),
    action("submission.submit", "Gửi báo cáo", Kind::Change),
    action("submission.resubmit", "Gửi lại báo cáo", Kind::Change),
    action("submission.accept", "Tiếp nhận báo cáo", Kind::Change),
    action("submission.return", "Trả lại báo cáo", Kind::Change),
    action("report_template.create", "Tạo mẫu báo cáo", Kind::Change),
    action("report_template.update", "Sửa mẫu báo cáo", Kind::Change),
    action("calendar.announcement.save", "Lưu thông báo ngày nghỉ", Kind::Change),
    action("case.register", "Tiếp nhận đơn", Kind::Change),
    action("case.submit", "Người dân gửi đơn", Kind::Change),
    action("case.accept", "Thụ lý đơn", Kind::Change),
    action("case.refuse", "Không thụ lý đơn", Kind::Change),
    action("case.forward", "Chuyển đơn", Kind::Change),
    action("case.assign", "Giao người xử lý đơn", Kind::Change),
    action("case.request_verification", "Yêu cầu xác minh", Kind::Change),
    action("case.extend", "Gia hạn giải quyết tố cáo", Kind::Change),
    action("case.answer", "Trả lời, giải quyết đơn", Kind::Change),
    action("case.close", "Kết thúc đơn", Kind::Change),
    action("case.withdraw", "Rút đơn khiếu nại", Kind::Change),
    action("case.note", "Ghi chú vào đơn", Kind::Change),
    action("case.classify", "Phân loại lại đơn", Kind::Change),
    action("case.rate", "Đánh giá kết quả giải quyết đơn", Kind::Change),
    action("case.file_add", "Thêm tệp vào đơn", Kind::Change),
    action("case.identity_read", "Xem thông tin người tố cáo", Kind::SensitiveRead),
    action("case.document_export", "Tải văn bản của vụ việc có họ tên người gửi", Kind::Export),
    action(
        "case.personal_data_removed",
        "Xóa thông tin cá nhân của đơn đã kết thúc theo thời hạn lưu trữ",
        Kind::Change,
    ),
    action("case_category.save", "Lưu lĩnh vực đơn của đơn vị", Kind::Change),
    action("case_category.deactivate", "Ngừng dùng lĩnh vực đơn của đơn vị", Kind::Change),
    action("clearance.grant", "Cấp quyền xem thông tin người tố cáo", Kind::Change),
    action("clearance.revoke", "Thu hồi quyền xem thông tin người tố cáo", Kind::Change),
    action(EXPORT_ACTION, "Xuất nhật ký hệ thống ra tệp CSV", Kind::Export),
    action("reception.schedule_add", "Thêm lịch tiếp công dân", Kind::Change),
    action("reception.schedule_remove", "Xóa một dòng lịch tiếp công dân", Kind::Change),
    action("reception.session_create", "Ghi sổ buổi tiếp công dân", Kind::Change),
    action("reception.visit_create", "Ghi sổ lượt tiếp công dân", Kind::Change),
    action("reception.visit_case_link", "Liên kết vụ việc với lượt tiếp công dân", Kind::Change),
    action("reception.visit_list", "Xem thông tin người đến tiếp công dân", Kind::SensitiveRead),
    action(
        "reception.visit_personal_data_removed",
        "Xóa họ tên, địa chỉ người đến tiếp công dân theo thời hạn lưu trữ",
        Kind::Change,
    ),
    action("disclosure.record", "Ghi sổ một nội dung công khai", Kind::Change),
    action("disclosure.update", "Sửa một nội dung công khai", Kind::Change),
    action("disclosure.file_add", "Thêm tệp, ảnh minh chứng vào nội dung công khai", Kind::Change),
    action("disclosure.relay", "Xác nhận thôn, tổ dân phố đã thông tin lại nội dung công khai", Kind::Change),
    action("board.create", "Ghi nhận ban giám sát và thành viên được bầu", Kind::Change),
    action("board.dissolve", "Giải thể ban giám sát", Kind::Change),
    action("board.members_elected", "Thay thành viên ban giám sát theo kết quả bầu được công nhận", Kind::Change),
    action("board.plan", "Ghi kế hoạch công tác năm của ban giám sát", Kind::Change),
    action("board.activity", "Ghi hoạt động giám sát", Kind::Change),
    action("board.finding.send", "Gửi kiến nghị của ban giám sát", Kind::Change),
    action("board.finding.escalate", "Chuyển kiến nghị quá hạn đến Chủ tịch", Kind::Change),
    action("board.finding.answer", "Trả lời kiến nghị của ban giám sát", Kind::Change),
    action("board.finding.close", "Kết thúc kiến nghị của ban giám sát", Kind::Change),
    action("board.report.send", "Gửi báo cáo của ban giám sát đến Mặt trận", Kind::Change),
    action("inspection.plan", "Lập kế hoạch kiểm tra việc thực hiện dân chủ ở cơ sở", Kind::Change),
    action("inspection.finding", "Ghi đánh giá tiêu chí kiểm tra", Kind::Change),
    action("inspection.evidence", "Tải lên minh chứng kiểm tra", Kind::Change),
    action("inspection.conclude", "Ghi kết luận kiểm tra", Kind::Change),
    action("inspection.remediation.add", "Giao nhiệm vụ khắc phục sau kiểm tra", Kind::Change),
    action("inspection.remediation.done", "Ghi hoàn thành nhiệm vụ khắc phục", Kind::Change),
    action("inspection.publish", "Công khai kết quả kiểm tra", Kind::Change),
    action("inspection.close", "Kết thúc cuộc kiểm tra", Kind::Change),
    action("steering.save", "Ghi tên Ban Chỉ đạo", Kind::Change),
    action("steering.member.add", "Thêm thành viên Ban Chỉ đạo và địa bàn theo dõi", Kind::Change),
    action("steering.member.remove", "Bỏ thành viên Ban Chỉ đạo", Kind::Change),
    action("commendation.record", "Ghi khen thưởng vào sổ", Kind::Change),
    action("commendation.export", "Tải sổ khen thưởng (có họ tên cá nhân được khen)", Kind::Export),
    action("model.record", "Ghi mô hình, điển hình vào sổ", Kind::Change),
    action("ballot.issue", "Lập kế hoạch và phát phiếu lấy ý kiến hộ gia đình", Kind::Change),
    action("ballot.collect", "Ghi nhận phiếu lấy ý kiến hộ gia đình thu về", Kind::Change),
    action("ballot.tally_entry", "Nhập kết quả kiểm phiếu lấy ý kiến hộ gia đình", Kind::Change),
    action("decision.online_vote", "Biểu quyết trực tuyến của hộ gia đình", Kind::Change),
    action("consultation.create", "Tạo cuộc lấy ý kiến về dự thảo", Kind::Change),
    action("consultation.sections_review", "Sửa các mục của dự thảo lấy ý kiến", Kind::Change),
    action("consultation.open", "Đưa dự thảo ra lấy ý kiến", Kind::Change),
    action("consultation.close", "Kết thúc lấy ý kiến về dự thảo", Kind::Change),
    action("consultation.answered", "Hoàn thành tiếp thu, giải trình ý kiến về dự thảo", Kind::Change),
    action("consultation.comment", "Góp ý về dự thảo", Kind::Change),
    action("consultation.comment_hide", "Ẩn một ý kiến góp ý về dự thảo", Kind::Change),
    action("consultation.paper", "Ghi kết quả lấy ý kiến qua phiếu, cuộc họp của thôn", Kind::Change),
    action("consultation.answer", "Trả lời (tiếp thu, giải trình) ý kiến về dự thảo", Kind::Change),
    action("election.create", "Tạo cuộc bầu trưởng thôn, tổ trưởng tổ dân phố", Kind::Change),
    action("election.step", "Ghi nhận một bước chuẩn bị bầu trưởng thôn", Kind::Change),
    action("election.result", "Ghi kết quả cuộc họp bầu trưởng thôn", Kind::Change),
    action("election.recognition", "Quyết định công nhận hoặc bầu lại trưởng thôn", Kind::Change),
    action("election.dismissal", "Ghi nhận cho thôi làm trưởng thôn và người tạm thời phụ trách", Kind::Change),
    action("conference.create", "Ghi nhận hội nghị định kỳ của cộng đồng dân cư", Kind::Change),
    action("staff_conference.create", "Ghi nhận hội nghị cán bộ, công chức, viên chức, người lao động", Kind::Change),
    action("internal_rule.create", "Đăng ký quy chế nội bộ của cơ quan, đơn vị", Kind::Change),
    action("internal_rule.version", "Ghi phiên bản mới của quy chế nội bộ", Kind::Change),
    action("decision.open", "Mở việc cộng đồng dân cư bàn và quyết định", Kind::Change),
    action("decision.attendance", "Ghi số hộ dự họp cộng đồng dân cư", Kind::Change),
    action("decision.tally", "Ghi kết quả biểu quyết của cộng đồng dân cư", Kind::Change),
    action("decision.close", "Kết thúc cuộc họp không đủ hộ để đạt tỷ lệ biểu quyết", Kind::Change),
    action("news.create", "Viết tin tức", Kind::Change),
    action("news.update", "Sửa tin tức", Kind::Change),
    action("news.publish", "Đăng tin tức", Kind::Change),
    action("news.unpublish", "Gỡ tin tức về bản nháp", Kind::Change),
    action("news.image_remove", "Xoá ảnh của tin tức", Kind::Change),
    action("library.add", "Thêm văn bản vào tủ sách pháp luật", Kind::Change),
    action("library.expire", "Ghi ngày hết hiệu lực của văn bản", Kind::Change),
    action("library.remove", "Xóa văn bản khỏi tủ sách pháp luật", Kind::Change),
    action("training.record", "Ghi sổ tập huấn, tuyên truyền", Kind::Change),
    action("dialogue.request", "Ghi nhận đề nghị đối thoại của cử tri", Kind::Change),
    action("dialogue.create", "Tạo hội nghị đối thoại với Nhân dân", Kind::Change),
    action("dialogue.announce", "Thông báo hội nghị đối thoại", Kind::Change),
    action("dialogue.publish", "Công bố kết quả hội nghị đối thoại", Kind::Change),
    action("dialogue.question", "Gửi câu hỏi cho hội nghị đối thoại", Kind::Change),
    action("dialogue.answer", "Trả lời câu hỏi tại hội nghị đối thoại", Kind::Change),
    action("dialogue.question_hide", "Ẩn một câu hỏi gửi hội nghị đối thoại", Kind::Change),
    action("dialogue.commitment", "Ghi cam kết tại hội nghị đối thoại", Kind::Change),
    action("dialogue.progress", "Cập nhật tiến độ thực hiện cam kết", Kind::Change),
    action("convention.propose", "Đề xuất xây dựng hương ước, quy ước", Kind::Change),
    action("convention.version", "Sửa dự thảo hương ước, quy ước (phiên bản mới)", Kind::Change),
    action("convention.post", "Niêm yết dự thảo hương ước, quy ước", Kind::Change),
    action("convention.opinions", "Ghi nhận ý kiến về dự thảo hương ước, quy ước", Kind::Change),
    action("convention.vote", "Ghi kết quả biểu quyết hương ước, quy ước", Kind::Change),
    action("convention.submit", "Gửi hồ sơ đề nghị công nhận hương ước, quy ước", Kind::Change),
    action("convention.recognise", "Công nhận hương ước, quy ước", Kind::Change),
    action("convention.return", "Trả lại hồ sơ hương ước, quy ước", Kind::Change),
    action("convention.review", "Rà soát hương ước, quy ước hằng năm", Kind::Change),
];

/// The action recorded when someone downloads the log.
pub const EXPORT_ACTION: &str = "audit.export";

fn find(code: &str) -> Option<&'static ActionLabel> {
    ACTIONS.iter().find(|a| a.code == code)
}

/// The action in words; an unknown code is named as such, with the code.
pub fn action_label(code: &str) -> String {
    find(code).map_or_else(|| format!("Thao tác khác ({code})"), |a| a.label.to_string())
}

/// The kind of an action; an unknown code counts as a change.
pub fn kind_of(code: &str) -> Kind {
    find(code).map_or(Kind::Change, |a| a.kind)
}

/// The kind of object an entry is about.
pub fn entity_label(entity: &str) -> String {
    match entity {
        "household" => "Hộ gia đình",
        "household_link" => "Liên kết tài khoản với hộ",
        "user" => "Người dùng",
        "unit" => "Đơn vị",
        "plan" => "Kế hoạch",
        "plan_task" => "Nhiệm vụ",
        "evidence_file" => "Tệp minh chứng",
        "submission" => "Báo cáo",
        "report_template" => "Mẫu báo cáo",
        "holiday_announcement" => "Thông báo ngày nghỉ",
        "citizen_case" => "Đơn thư",
        "case_category" => "Lĩnh vực đơn",
        "clearance" => "Quyền xem thông tin người tố cáo",
        "audit_log" => "Nhật ký hệ thống",
        "reception_schedule" => "Lịch tiếp công dân",
        "reception_session" => "Buổi tiếp công dân",
        "reception_visit" => "Lượt tiếp công dân",
        "consultation" => "Cuộc lấy ý kiến về dự thảo",
        "board" => "Ban giám sát",
        "board_finding" => "Kiến nghị của ban giám sát",
        "inspection" => "Cuộc kiểm tra việc thực hiện dân chủ ở cơ sở",
        "consultation_comment" => "Ý kiến góp ý về dự thảo",
        "consultation_paper" => "Kết quả lấy ý kiến của thôn",
        "consultation_answer" => "Trả lời ý kiến về dự thảo",
        "village_election" => "Cuộc bầu trưởng thôn, tổ trưởng tổ dân phố",
        "village_head_dismissal" => "Cho thôi làm trưởng thôn, tổ trưởng tổ dân phố",
        "community_conference" => "Hội nghị định kỳ của cộng đồng dân cư",
        "decision" => "Việc cộng đồng dân cư quyết định",
        "news_post" => "Tin tức",
        "library_document" => "Văn bản trong tủ sách pháp luật",
        "training_event" => "Buổi tập huấn, tuyên truyền",
        "dialogue" => "Hội nghị đối thoại",
        "dialogue_request" => "Đề nghị đối thoại của cử tri",
        "dialogue_question" => "Câu hỏi gửi hội nghị đối thoại",
        "dialogue_commitment" => "Cam kết tại hội nghị đối thoại",
        "convention" => "Hương ước, quy ước",
        "steering_committee" => "Ban Chỉ đạo",
        "commendation" => "Khen thưởng",
        "model_practice" => "Mô hình, điển hình",
        other => return other.to_string(),
    }
    .to_string()
}

/// A field of an entry's details; an unknown field keeps its code.
pub fn field_label(field: &str) -> String {
    match field {
        "q" => "Từ khóa tìm kiếm",
        "code" => "Mã",
        "name" => "Tên",
        "kind" => "Loại",
        "parent" => "Đơn vị cấp trên",
        "valid_from" => "Hiệu lực từ",
        "valid_to" => "Hiệu lực đến",
        "address" => "Địa chỉ",
        "representative" => "Đại diện hộ",
        "member_count" => "Số nhân khẩu",
        "phone" => "Số điện thoại",
        "email" => "Thư điện tử",
        "display_name" => "Họ và tên",
        "grants" => "Quyền được giao",
        "sessions_ended" => "Số phiên đăng nhập đã đóng",
        "status" => "Trạng thái",
        "progress" => "Tiến độ (%)",
        "note_id" => "Số ghi chú",
        "body" => "Nội dung",
        "version" => "Lần gửi",
        "comment" => "Ý kiến",
        "occurrence_id" => "Kỳ báo cáo (số)",
        "submitted_on" => "Ngày gửi",
        "implementing_plan_id" => "Kế hoạch thực hiện (số)",
        "score" => "Điểm",
        "rank" => "Xếp loại",
        "number" => "Số hiệu",
        "title" => "Trích yếu",
        "year" => "Năm",
        "issued_on" => "Ngày ban hành",
        "parent_plan_id" => "Kế hoạch cấp trên (số)",
        "tasks" => "Số nhiệm vụ",
        "targets" => "Số đơn vị thực hiện",
        "obligations" => "Số nghĩa vụ báo cáo",
        "occurrences" => "Số kỳ báo cáo",
        "inserted" => "Số đơn vị đã nạp",
        "successor" => "Đơn vị kế thừa",
        "effective" => "Ngày hiệu lực",
        "definition" => "Nội dung mẫu",
        "task_id" => "Nhiệm vụ (số)",
        "submission_id" => "Báo cáo (số)",
        "file_name" => "Tên tệp",
        "criterion" => "Tiêu chí kiểm tra",
        "criteria" => "Số tiêu chí kiểm tra",
        "verdict" => "Kết quả đánh giá",
        "criterion_id" => "Tiêu chí kiểm tra (số)",
        "remediation_id" => "Nhiệm vụ khắc phục (số)",
        "lead_unit_id" => "Đơn vị chủ trì (số)",
        "content_type" => "Loại tệp",
        "size" => "Dung lượng (byte)",
        "sha256" => "Mã băm SHA-256",
        "rows" => "Số dòng",
        "filter" => "Bộ lọc",
        "weekday" => "Thứ trong tuần",
        "on_date" => "Ngày",
        "part" => "Buổi",
        "place" => "Địa điểm",
        "receiver" => "Người tiếp",
        "receiver_name" => "Họ tên người tiếp",
        "held_on" => "Ngày tiếp",
        "visitor_names" => "Họ tên người đến",
        "people_count" => "Số người",
        "crowded" => "Đông người",
        "outcome" => "Kết quả",
        "refusal_ground" => "Lý do từ chối",
        "session_id" => "Buổi tiếp (số)",
        "content" => "Nội dung",
        "note" => "Ghi chú",
        "household_id" => "Hộ gia đình (số)",
        "user_id" => "Tài khoản (số)",
        "unit_id" => "Đơn vị (số)",
        "role" => "Vai trò",
        "pending_links" => "Số yêu cầu liên kết đang chờ",
        "channel" => "Kênh tiếp nhận",
        "category" => "Lĩnh vực",
        "news_category" => "Chuyên mục",
        "body_chars" => "Số ký tự của nội dung",
        "topic" => "Nội dung tuyên truyền",
        "form" => "Hình thức",
        "attendance" => "Số người tham dự",
        "expires_on" => "Ngày hết hiệu lực",
        "file" => "Tệp",
        "received_on" => "Ngày tiếp nhận",
        "accepted_on" => "Ngày thụ lý",
        "answered_on" => "Ngày trả lời, giải quyết",
        "closed_on" => "Ngày kết thúc",
        "ground" => "Lý do không thụ lý",
        "ground_label" => "Lý do không thụ lý (diễn giải)",
        "from" => "Chuyển từ đơn vị",
        "to" => "Chuyển đến đơn vị",
        "handler_user_id" => "Người xử lý (số)",
        "days" => "Số ngày gia hạn",
        "extension" => "Lần gia hạn",
        "case_id" => "Đơn (số)",
        "parent_id" => "Đơn khiếu nại lần đầu (số)",
        "rating" => "Điểm đánh giá",
        "active" => "Đang dùng",
        "on" => "Ngày",
        "file_id" => "Tệp (số)",
        "complexity" => "Mức độ phức tạp",
        "remote" => "Vùng sâu, vùng xa",
        "identity" => "Tệp chứa thông tin người gửi",
        "disclosure" => "Nội dung công khai",
        "files" => "Tệp đính kèm",
        "item" => "Nội dung phải công khai (số)",
        "posted_from" => "Công khai từ ngày",
        "posted_to" => "Niêm yết đến ngày",
        "forms" => "Hình thức công khai",
        "method" => "Cách thông tin lại",
        "relayed_on" => "Ngày thông tin lại",
        "request" => "Đề nghị đối thoại",
        "required" => "Bắt buộc tổ chức đối thoại",
        "request_id" => "Đề nghị đối thoại (số)",
        "announced_on" => "Ngày thông báo",
        "published_on" => "Ngày công bố kết quả",
        "results" => "Kết quả đối thoại",
        "dialogue_id" => "Hội nghị đối thoại (số)",
        "answer" => "Nội dung trả lời",
        "commitment" => "Cam kết",
        "percent" => "Tỷ lệ hoàn thành (%)",
        "reason" => "Lý do",
        "issuing_body" => "Cơ quan ban hành",
        "agency_template_id" => "Mẫu báo cáo cho cơ quan, đơn vị (số)",
        "member" => "Thành viên (số)",
        "position" => "Chức vụ",
        "linked_account" => "Có tài khoản",
        "areas" => "Số địa bàn theo dõi",
        "recipient_unit_id" => "Đơn vị được khen (số)",
        "recipient_person" => "Cá nhân được khen",
        "decision_number" => "Số quyết định",
        "decided_on" => "Ngày quyết định",
        other => return other.to_string(),
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// The action codes written in the sources of the store and the use cases: string literals
    /// of the form `entity.verb` whose entity is one the log knows.
    fn written_codes() -> BTreeSet<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let prefixes = [
            "household.",
            "household_link.",
            "user.",
            "unit.",
            "plan.",
            "task.",
            "evidence.",
            "submission.",
            "report_template.",
            "calendar.",
            "audit.",
            "reception.",
            "case.",
            "case_category.",
            "clearance.",
            "disclosure.",
            "consultation.",
            "news.",
            "library.",
            "training.",
            "dialogue.",
            "convention.",
            "inspection.",
            "steering.",
            "commendation.",
            "model.",
        ];
        let mut codes = BTreeSet::new();
        for dir in ["coso-store/src", "coso-app/src"] {
            let mut stack = vec![root.join(dir)];
            while let Some(path) = stack.pop() {
                let Ok(entries) = std::fs::read_dir(&path) else { continue };
                for entry in entries.flatten() {
                    let p = entry.path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if p.extension().is_some_and(|e| e == "rs") && !p.ends_with("audit/labels.rs") {
                        let text = std::fs::read_to_string(&p).expect("source");
                        let pieces: Vec<&str> = text.split('"').collect();
                        for pair in pieces.chunks(2).filter(|p| p.len() == 2) {
                            let (before, literal) = (pair[0], pair[1]);
                            // `table.column` names given to a decoder are not actions.
                            let context = before.rsplit('\n').next().unwrap_or(before);
                            let names_a_column =
                                ["parse(", "decode", "stored_code!("].iter().any(|w| context.contains(w));
                            let is_code = !names_a_column
                                && literal.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.')
                                && literal.contains('.')
                                && !literal.ends_with('.')
                                && prefixes.iter().any(|p| literal.starts_with(p));
                            if is_code {
                                codes.insert(literal.to_string());
                            }
                        }
                    }
                }
            }
        }
        codes
    }

    #[test]
    fn every_written_action_code_has_a_vietnamese_label() {
        let codes = written_codes();
        assert!(
            codes.contains("household.list") && codes.contains("submission.accept"),
            "the scan finds the writers: {codes:?}"
        );
        let missing: Vec<&String> = codes.iter().filter(|c| find(c).is_none()).collect();
        assert!(missing.is_empty(), "action codes without a label: {missing:?}");
    }

    #[test]
    fn unknown_codes_are_named_as_other_actions() {
        assert_eq!(action_label("household.list"), "Xem danh sách hộ gia đình");
        assert_eq!(action_label("user.create"), "Tạo người dùng");
        assert_eq!(action_label("robot.dance"), "Thao tác khác (robot.dance)");
        assert_eq!(kind_of("robot.dance"), Kind::Change);
    }

    #[test]
    fn kinds_round_trip_through_their_codes() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_code(k.code()), Some(k));
        }
        assert_eq!(Kind::SensitiveRead.actions(), vec!["household.list", "case.identity_read", "reception.visit_list"]);
    }
}
