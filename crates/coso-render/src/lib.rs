//! Renders a Document in the Decree 30/2020 layout.
