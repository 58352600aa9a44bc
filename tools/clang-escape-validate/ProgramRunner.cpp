//===- ProgramRunner.cpp - Runs the program under the runtime -------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "ProgramRunner.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace escape::validate;

int escape::validate::runProgram(const std::vector<std::string> &Argv,
                                 const std::map<std::string, std::string> &Env,
                                 std::string &Error) {
  std::vector<char *> Args;
  for (const std::string &A : Argv)
    Args.push_back(const_cast<char *>(A.c_str()));
  Args.push_back(nullptr);
  int Pipe[2];
  if (pipe(Pipe) != 0) {
    Error = std::string("pipe: ") + strerror(errno);
    return -1;
  }
  pid_t Pid = fork();
  if (Pid < 0) {
    Error = std::string("fork: ") + strerror(errno);
    return -1;
  }
  if (Pid == 0) {
    close(Pipe[0]);
    fcntl(Pipe[1], F_SETFD, FD_CLOEXEC);
    for (const auto &[K, V] : Env)
      setenv(K.c_str(), V.c_str(), 1);
    dup2(2, 1);
    execvp(Args[0], Args.data());
    int Err = errno;
    (void)!write(Pipe[1], &Err, sizeof(Err));
    _exit(127);
  }
  close(Pipe[1]);
  int ExecErr = 0;
  bool Failed = read(Pipe[0], &ExecErr, sizeof(ExecErr)) == sizeof(ExecErr);
  close(Pipe[0]);
  int Status = 0;
  while (waitpid(Pid, &Status, 0) < 0 && errno == EINTR)
    ;
  if (Failed) {
    Error = "cannot run '" + Argv[0] + "': " + strerror(ExecErr);
    return -1;
  }
  if (WIFSIGNALED(Status))
    return 128 + WTERMSIG(Status);
  return WEXITSTATUS(Status);
}
