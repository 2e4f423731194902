//! Shipped word lists, compiled into the binary (no I/O at run time).
