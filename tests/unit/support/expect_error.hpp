#pragma once
// The one assertion every unit test folder uses for changwat::Error: the action
// throws an Error of this kind and code, with a Thai and an English message.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "base/error.hpp"

namespace changwat::testing {

// What a caught changwat::Error said, copied out whole (copying the Error itself
// would slice off a subclass's what(), e.g. DatabaseError's engine message).
struct CaughtError {
  ErrorKind kind = ErrorKind::internal;
  std::string code;
  Message message;
  std::map<std::string, Message> fields;
  std::string what;
};

// Asserts that `action` throws changwat::Error of `kind` with `code`, whose Thai and
// English messages are both present, and returns what it said for more checks.
template <class Action>
CaughtError expect_error(Action&& action, ErrorKind kind, const std::string& code) {
  try {
    action();
  } catch (const Error& error) {
    EXPECT_EQ(static_cast<int>(error.kind()), static_cast<int>(kind)) << error.what();
    EXPECT_EQ(error.code(), code) << error.what();
    EXPECT_FALSE(error.message().th.empty());
    EXPECT_FALSE(error.message().en.empty());
    return {error.kind(), error.code(), error.message(), error.fields(), error.what()};
  }
  ADD_FAILURE() << "expected changwat::Error " << code << ", nothing was thrown";
  return {};
}

}  // namespace changwat::testing
