package io.nats4j.testkit;

import java.util.List;

/** Prints the end of server logs to standard error when a test fails. */
final class ServerLogs {

  static final int LINES_ON_FAILURE = 200;

  private ServerLogs() {}

  static void print(List<NatsServer> servers, String failedTest) {
    for (NatsServer server : servers) {
      System.err.println(
          "----- nats-server log of "
              + server
              + " (last "
              + LINES_ON_FAILURE
              + " lines), test "
              + failedTest
              + " failed -----");
      System.err.println(server.logTail(LINES_ON_FAILURE));
      System.err.println("----- end of nats-server log -----");
    }
  }
}
