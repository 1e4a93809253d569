"use strict";
exports.id = 392;
exports.ids = [392];
exports.modules = {

/***/ 4392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  listenDemoMta: () => (/* binding */ listenDemoMta),
  runDemo: () => (/* binding */ runDemo)
});

// UNUSED EXPORTS: startDemoMta

// EXTERNAL MODULE: ./src/engine/run.ts + 62 modules
var run = __webpack_require__(6013);
// EXTERNAL MODULE: ./src/protocol/steps.ts
var steps = __webpack_require__(7547);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: ./src/protocol/lines.ts
var protocol_lines = __webpack_require__(8027);
// EXTERNAL MODULE: ./src/protocol/command.ts
var command = __webpack_require__(1813);
;// CONCATENATED MODULE: ./src/demo/mta.ts
/**
 * The embedded MTA behind `--demo`: a small, honest ESMTP server on a loopback port, so a new
 * user sees a pass and a caught hard error without a server of their own. It accepts mail for
 * nobody: RCPT works, DATA's content is discarded.
 */



const DEMO_USER = "demo@smtp-gate.test";
const DEMO_PASSWORD = "demo-password";
const NAME = "demo.smtp-gate.test";
async function startDemoMta(port = 0) {
    const sockets = new Set();
    const server = external_node_net_default().createServer((socket) => {
        sockets.add(socket);
        socket.setNoDelay(true);
        socket.on("close", () => sockets.delete(socket));
        socket.on("error", () => socket.destroy());
        serve(socket);
    });
    // A port in use rejects (EADDRINUSE) rather than emitting an 'error' no one listens to.
    await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => {
            server.off("error", reject);
            resolve();
        });
    });
    return {
        port: server.address().port,
        close: () => new Promise((resolve) => {
            for (const s of sockets)
                s.destroy();
            server.close(() => resolve());
        }),
    };
}
function serve(socket) {
    const lines = new protocol_lines/* LineSplitter */.g3();
    const reply = (text) => socket.write(`${text}\r\n`);
    let inData = false;
    let mail = false;
    reply(`220 ${NAME} ESMTP smtp-gate demo`);
    socket.on("data", (chunk) => {
        for (const ev of lines.push(chunk)) {
            if ("kind" in ev) {
                reply("500 5.5.6 Line too long");
                continue;
            }
            const line = ev.text;
            if (inData) {
                if (line === ".") {
                    inData = false;
                    mail = false;
                    reply("250 2.0.0 Ok: discarded by the demo MTA");
                }
                continue;
            }
            const verb = (0,command/* verbOf */.rl)(line);
            switch (verb) {
                case "EHLO":
                    reply(`250-${NAME} greets ${line.slice(5).trim() || "you"}`);
                    reply("250-PIPELINING");
                    reply("250-SIZE 10240000");
                    reply("250-AUTH PLAIN LOGIN XOAUTH2");
                    reply("250-ENHANCEDSTATUSCODES");
                    reply("250 8BITMIME");
                    break;
                case "HELO":
                    reply(`250 ${NAME}`);
                    break;
                case "AUTH":
                    reply(checkPlain(line) ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
                    break;
                case "MAIL":
                    mail = true;
                    reply("250 2.1.0 Ok");
                    break;
                case "RCPT":
                    reply(mail ? "250 2.1.5 Ok" : "503 5.5.1 Error: need MAIL command");
                    break;
                case "DATA":
                    if (!mail)
                        reply("503 5.5.1 Error: need RCPT command");
                    else {
                        inData = true;
                        reply("354 End data with <CR><LF>.<CR><LF>");
                    }
                    break;
                case "RSET":
                    mail = false;
                    reply("250 2.0.0 Ok");
                    break;
                case "NOOP":
                    reply("250 2.0.0 Ok");
                    break;
                case "QUIT":
                    reply("221 2.0.0 Bye");
                    socket.end();
                    return;
                default:
                    // What a real MTA says to a command it does not know (Postfix: 502 5.5.2, Exchange: 500 5.3.3).
                    reply(`500 5.5.1 Command unrecognized: "${line.slice(0, 64)}"`);
            }
        }
    });
}
function checkPlain(line) {
    const m = /^AUTH PLAIN (\S+)$/i.exec(line);
    if (!m)
        return false;
    const [, user, pass] = Buffer.from(m[1], "base64").toString("utf8").split("\0");
    return user === DEMO_USER && pass === DEMO_PASSWORD;
}

;// CONCATENATED MODULE: ./src/demo/demo.ts



// One entry for the CLI's demo commands, so the bundle holds the MTA in one lazy chunk.

/** The embedded MTA on 127.0.0.1, or why it cannot listen there (a port in use: EADDRINUSE). */
async function listenDemoMta(port = 0) {
    try {
        return await startDemoMta(port);
    }
    catch (e) {
        return { problem: `cannot listen on 127.0.0.1:${port}: ${e.code ?? e.message}` };
    }
}
async function runDemo(timeoutMs = 10_000) {
    const mta = await listenDemoMta();
    if ("problem" in mta)
        return mta;
    try {
        const base = {
            host: "127.0.0.1", port: mta.port, tls: "none", insecure: false, helo: "ci.smtp-gate.test",
            from: DEMO_USER, to: ["postmaster@smtp-gate.test"], send: false, failOn: "hard", timeoutMs,
        };
        // No credentials: the demo MTA has no TLS, and credentials in clear text are a warning.
        const healthy = { ...base, name: "demo: production sequence", to: [...base.to], steps: null, credentials: null };
        const broken = {
            ...base, name: "demo: legacy sender", to: [...base.to], credentials: null,
            steps: (0,steps/* parseSteps */.$i)("EHLO {helo}\nXAUTH2 login\nMAIL FROM:<{from}>\nRCPT TO:<{to}>"),
        };
        return await (0,run/* runTargets */.sb)([healthy, broken]);
    }
    finally {
        await mta.close();
    }
}


/***/ })

};
;