// Compiles tests/test_pch.h once per kind of test (see qf_add_test_pch_host in CMakeLists.txt).
