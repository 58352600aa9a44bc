# lit configuration for clang-escape's end-to-end suites.
import os
import shutil

import lit.formats

config.name = "clang-escape"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test", ".c"]
config.excludes = ["Inputs", "Unit", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.clang_escape_obj_root, "test")

tools = config.clang_escape_tools_dir
config.environment["PATH"] = os.pathsep.join(
    [tools, config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
config.environment["LC_ALL"] = "C"

headers = os.path.join(config.test_source_root, "Inputs", "Headers")
config.substitutions.append(("%clang-escape-lsp", os.path.join(tools, "clang-escape-lsp")))
config.substitutions.append(("%clang-escape", os.path.join(tools, "clang-escape")))
config.substitutions.append(("%mockstd", "-nostdinc++ -isystem " + headers))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.substitutions.append(("%clangxx", "clang++-" + config.llvm_major))
config.substitutions.append(("%python", "python3"))
# The build folder, which a CI example test (docs/ci) installs from.
config.substitutions.append(("%build-dir", config.clang_escape_obj_root))
# The SARIF multitool that scripts/setup.sh installs into the build folder.
config.substitutions.append(("%sarif-multitool", os.path.join(
    config.clang_escape_obj_root, "sarif-multitool", "node_modules", "@microsoft",
    "sarif-multitool-linux", "Sarif.Multitool")))

# The clang-tidy module of this build, run by the clang-tidy of its major.
config.substitutions.append(("%clang-tidy", "clang-tidy-" + config.llvm_major))
config.substitutions.append(("%clang-apply-replacements", "clang-apply-replacements-" + config.llvm_major))
config.substitutions.append(("%tidy-module", config.tidy_module))
config.substitutions.append(("%run-clang-tidy", "run-clang-tidy-" + config.llvm_major))
config.substitutions.append(("%plugin", config.plugin))
config.substitutions.append(("%tidy", "clang-tidy-" + config.llvm_major + " -load=" + config.tidy_module))
# The other supported major, for the version guard.
# [[clang::lifetime_capture_by]] exists from clang 20 on.
if int(config.llvm_major) >= 20:
    config.available_features.add("lifetime-capture-by")

other_major = "22" if config.llvm_major == "19" else "19"
config.substitutions.append(("%other-major", other_major))
config.substitutions.append(("%other-clang-tidy", "clang-tidy-" + other_major))
config.substitutions.append(("%other-clangxx", "clang++-" + other_major))
corpus = os.environ.get("CLANG_ESCAPE_CORPUS", os.path.join(config.clang_escape_src_root, "..", "shared", "corpus", "cases"))
if os.path.isdir(corpus):
    config.available_features.add("corpus")
    config.substitutions.append(("%corpus", os.path.abspath(corpus)))

# The LSP tests' client (test/Lsp/client): Node, with the npm packages that
# scripts/setup.sh installs into the build folder.
if shutil.which("node"):
    config.available_features.add("node")
    config.environment["NODE_PATH"] = os.path.join(
        config.clang_escape_obj_root, "lsp-client", "node_modules")

# The VS Code extension, packaged when setup installed its npm packages.
vsix = os.path.join(config.clang_escape_obj_root, "clang-escape-0.1.0.vsix")
if os.path.exists(vsix):
    config.available_features.add("vsix")
    config.substitutions.append(("%vsix", vsix))

# Debian's Neovim, the editor of test/Lsp/nvim.test.
if shutil.which("nvim"):
    config.available_features.add("nvim")

# clangd relinked with our checks, where this LLVM ships libclangdMain.
if os.path.exists(os.path.join(tools, "clangd-escape")):
    config.available_features.add("clangd-escape")
config.substitutions.append(("%clangd-escape", os.path.join(tools, "clangd-escape")))
config.substitutions.append(("%clangd", "clangd-" + config.llvm_major))

if shutil.which("clang-tidy-" + config.llvm_major):
    config.available_features.add("clang-tidy")
config.available_features.add("llvm-" + config.llvm_major)

# Validation runtime (issue 5): build test programs against the runtime.
_escrt_libdir = os.path.join(config.clang_escape_obj_root, "lib")
config.substitutions.append(("%escrt_include", "-I" + os.path.join(config.clang_escape_src_root, "include")))
config.substitutions.append(("%escrt_cflags", "-O0 -g -fno-omit-frame-pointer -finstrument-functions -ftrivial-auto-var-init=zero"))
config.substitutions.append(("%escrt_lib", " ".join([
    os.path.join(_escrt_libdir, "libclangEscapeRuntimeNew.a"),
    os.path.join(_escrt_libdir, "libclangEscapeRuntime.a"), "-ldl", "-pthread"])))

# The HTML report's graphs are laid out by Graphviz dot when it is
# installed, and the report is loaded in headless Chromium
# (test/Formats/html-*): scripts/setup.sh installs both.
if shutil.which("dot"):
    config.available_features.add("dot")
if shutil.which("chromium"):
    config.available_features.add("chromium")
