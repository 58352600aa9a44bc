# googletest binaries named *Tests under this build folder.
import lit.formats

config.name = "clang-escape-unit"
config.test_format = lit.formats.GoogleTest(".", "Tests")
config.test_source_root = config.unit_obj_root
config.test_exec_root = config.unit_obj_root
