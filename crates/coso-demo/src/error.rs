use coso_store::StoreError;

/// Why the demo data could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(
        "Cơ sở dữ liệu đã có dữ liệu (tài khoản, hộ gia đình hoặc đơn vị tự tạo): không nạp dữ liệu mẫu. \
         Dùng --force để vẫn nạp (the database is not empty; use --force)."
    )]
    NotEmpty,
    #[error("Chưa có danh mục đơn vị hành chính chính thức (tỉnh {0}): hãy chạy «coso units load-official» trước.")]
    OfficialUnitsMissing(&'static str),
    #[error("Không tạo được mật khẩu mẫu: {0}")]
    Hash(String),
    #[error("Không có quyền ghi sổ hộ gia đình của {0}.")]
    Forbidden(String),
    #[error("Lỗi cơ sở dữ liệu: {0}")]
    Store(#[from] StoreError),
    #[error("Không nạp được sổ tiếp công dân mẫu: {0}")]
    Reception(coso_app::Error),
    #[error("Không tạo được kế hoạch mẫu: {0}")]
    Plan(#[from] coso_app::Error),
    #[error("Không tạo được đơn thư mẫu: {0}")]
    Cases(coso_app::Error),
    #[error("Không tạo được ban giám sát mẫu: {0}")]
    Boards(coso_app::Error),
    #[error("Không tạo được cuộc kiểm tra mẫu: {0}")]
    Inspections(coso_app::Error),
    #[error("Không tạo được cuộc lấy ý kiến mẫu: {0}")]
    Consultations(coso_app::Error),
    #[error("Không ghi được sổ công khai mẫu: {0}")]
    Disclosures(coso_app::Error),
    #[error("Không tạo được hội nghị đối thoại mẫu: {0}")]
    Dialogues(coso_app::Error),
    #[error("Không tạo được hương ước, quy ước mẫu: {0}")]
    Conventions(coso_app::Error),
    #[error("Không tạo được cuộc bầu trưởng thôn, hội nghị cộng đồng mẫu: {0}")]
    Elections(coso_app::Error),
    #[error("Không tạo được việc nhân dân bàn và quyết định mẫu: {0}")]
    Decisions(coso_app::Error),
    #[error("Không tạo được Ban Chỉ đạo, khen thưởng mẫu: {0}")]
    Steering(coso_app::Error),
    #[error("Không tạo được cơ quan mẫu và hội nghị cán bộ, công chức, viên chức: {0}")]
    Agency(coso_app::Error),
}
