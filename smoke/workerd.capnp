# Raw workerd, no Node compatibility: compatibilityDate is before 2026-08-04, when Node globals become the default.
# `internet` lets the worker's fetch reach 127.0.0.1 (workerd's default network allows public addresses only).
# smoke/workerd.mjs runs `workerd serve smoke/workerd.capnp <config|canary> --socket-addr http=127.0.0.1:<port>`.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .smokeWorker), .internet],
  sockets = [(name = "http", address = "127.0.0.1:8799", http = (), service = "main")],
);

const canary :Workerd.Config = (
  services = [(name = "main", worker = .canaryWorker), .internet],
  sockets = [(name = "http", address = "127.0.0.1:8799", http = (), service = "main")],
);

const internet :Workerd.Service = (name = "internet", network = (allow = ["local"]));

const smokeWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed ".build/worker.js")],
  compatibilityDate = "2025-09-01",
  globalOutbound = "internet",
);

const canaryWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed ".build/worker-canary.js")],
  compatibilityDate = "2025-09-01",
  globalOutbound = "internet",
);
