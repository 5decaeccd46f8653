//! Debugger and profiler configurations (SL8xx).

registry! {}
