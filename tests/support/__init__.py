"""Test support: a real TCP proxy (tcp_proxy) and station child processes for fault-injection tests."""
