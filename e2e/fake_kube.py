"""A stand-in Kubernetes API server for e2e/execute.sh: just enough of one to take FlyteAdmin's
FlyteWorkflow custom resources (flyte.lyft.com/v1alpha1, flyteworkflows), as FlytePropeller's
cluster would. Keeps them in memory as the API server would (a second create of the same name is
409 AlreadyExists, a delete of a missing one 404) and writes each request it served to a folder,
so that the script can check what FlyteAdmin sent:

    python3 fake_kube.py FOLDER      # prints "listening on PORT", then serves until killed

FOLDER/created/<namespace>.<name>.json   the body of each accepted create
FOLDER/deleted/<namespace>.<name>        one empty file per delete of an existing resource
FOLDER/requests.log                      method and path of every request
"""

import json
import os
import re
import sys
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PATH = re.compile(
    r"^/apis/flyte\.lyft\.com/v1alpha1/namespaces/([^/]+)/flyteworkflows(?:/([^/?]+))?(?:\?.*)?$"
)


def status(code, reason, message):
    return {
        "kind": "Status",
        "apiVersion": "v1",
        "metadata": {},
        "status": "Failure",
        "message": message,
        "reason": reason,
        "code": code,
    }


class Handler(BaseHTTPRequestHandler):
    folder = "."
    resources = {}

    def log_message(self, fmt, *args):  # quiet: the requests go to requests.log
        pass

    def answer(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def route(self):
        with open(os.path.join(self.folder, "requests.log"), "a") as log:
            log.write(f"{self.command} {self.path}\n")
        return PATH.match(self.path)

    def do_POST(self):
        match = self.route()
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        if not match or match.group(2):
            return self.answer(404, status(404, "NotFound", f"no route {self.path}"))
        namespace, name = match.group(1), body.get("metadata", {}).get("name", "")
        key = f"{namespace}.{name}"
        if key in self.resources:
            return self.answer(
                409, status(409, "AlreadyExists", f'flyteworkflows "{name}" already exists')
            )
        with open(os.path.join(self.folder, "created", key + ".json"), "w") as f:
            json.dump(body, f, indent=1)
        stored = dict(body)
        stored["metadata"] = dict(
            body.get("metadata", {}),
            namespace=namespace,
            uid=str(uuid.uuid4()),
            resourceVersion="1",
            creationTimestamp=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
        self.resources[key] = stored
        self.answer(201, stored)

    def do_GET(self):
        match = self.route()
        if not match:
            return self.answer(404, status(404, "NotFound", f"no route {self.path}"))
        namespace, name = match.group(1), match.group(2)
        if name:
            found = self.resources.get(f"{namespace}.{name}")
            if found is None:
                return self.answer(404, status(404, "NotFound", f'"{name}" not found'))
            return self.answer(200, found)
        items = [r for k, r in self.resources.items() if k.startswith(namespace + ".")]
        self.answer(200, {"kind": "FlyteWorkflowList", "apiVersion": "flyte.lyft.com/v1alpha1",
                          "metadata": {}, "items": items})

    def do_DELETE(self):
        match = self.route()
        if not match or not match.group(2):
            return self.answer(404, status(404, "NotFound", f"no route {self.path}"))
        namespace, name = match.group(1), match.group(2)
        key = f"{namespace}.{name}"
        found = self.resources.pop(key, None)
        if found is None:
            return self.answer(404, status(404, "NotFound", f'flyteworkflows "{name}" not found'))
        open(os.path.join(self.folder, "deleted", key), "w").close()
        self.answer(200, found)


def main(folder):
    os.makedirs(os.path.join(folder, "created"), exist_ok=True)
    os.makedirs(os.path.join(folder, "deleted"), exist_ok=True)
    Handler.folder = folder
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"listening on {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1])
