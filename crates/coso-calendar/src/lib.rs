//! Vietnamese legal calendar.
