//===- StringInstances.cpp - libstdc++ members clang does not inline ------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// libstdc++ 12 declares std::string and std::allocator<char> as explicitly
// instantiated in the library (extern template), but libstdc++.so does not
// export the members GCC always inlines (basic_string::_M_use_local_data,
// allocator<char>::allocate in C++20). clang++ at -O0 with
// -finstrument-functions calls them, so a validation build of any program
// that constructs a std::string fails to link. These explicit instantiations
// give weak definitions of every member; the --print-ldflags of the
// validator force this object into the link.
//
//===----------------------------------------------------------------------===//

#include <string>

template class std::allocator<char>;
template class std::basic_string<char>;
template class std::allocator<wchar_t>;
template class std::basic_string<wchar_t>;
