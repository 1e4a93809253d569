// Test certificates generated with the openssl CLI. One generation per
// process (vitest runs each test file in its own fork, so: per test file).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestCerts {
  /** PEM of the test CA (trust anchor: pass as `ca` to tls.connect). */
  caPem: string;
  /** Server cert for `localhost` (SANs DNS:localhost, IP:127.0.0.1, IP:127.0.0.35), signed by the CA, valid 30 days. */
  certPem: string;
  keyPem: string;
  /** Path of the CA PEM on disk (for code that takes a file path). */
  caFile: string;
  /** Server cert for localhost signed by the CA, validity entirely in the past (2020). */
  expiredCertPem: string;
  expiredKeyPem: string;
  /** Self-signed cert for localhost (not signed by the CA). */
  selfSignedCertPem: string;
  selfSignedKeyPem: string;
  /** Server cert signed by the CA for another name only (SAN DNS:mail.other.example). */
  wrongNameCertPem: string;
  wrongNameKeyPem: string;
  /**
   * A second hierarchy, as public CAs issue: a root (`chainRootFile`) signs an intermediate
   * (`chainIntermediatePem`), which signs the server cert for localhost (`chainLeafPem`), whose
   * AIA names where the intermediate is published (a URL nothing fetches).
   */
  chainRootFile: string;
  chainIntermediatePem: string;
  chainLeafPem: string;
  chainLeafKeyPem: string;
  /** Temp dir holding every generated file. */
  dir: string;
}

const OPENSSL = process.env.OPENSSL_BIN ?? "openssl";

let memo: Promise<TestCerts> | undefined;

export async function makeCerts(): Promise<TestCerts> {
  memo ??= Promise.resolve().then(generate);
  return memo;
}

function ossl(dir: string, args: string[]): string {
  return execFileSync(OPENSSL, args, {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function supportsNotBefore(dir: string): boolean {
  try {
    const help = execFileSync(OPENSSL, ["x509", "-help"], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return help.includes("not_before");
  } catch (err) {
    // `-help` exits non-zero on some versions; the text is on stderr.
    const e = err as { stderr?: string | Buffer; stdout?: string | Buffer };
    return `${String(e.stdout ?? "")}${String(e.stderr ?? "")}`.includes("not_before");
  }
}

const CONFIG = `
[ req ]
distinguished_name = dn
prompt = no

[ dn ]
CN = placeholder

[ v3_ca ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash

[ v3_srv ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1,IP:127.0.0.35
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[ v3_self ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1,IP:127.0.0.35
subjectKeyIdentifier = hash

[ v3_int ]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[ v3_srv_aia ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1,IP:127.0.0.35
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
authorityInfoAccess = caIssuers;URI:http://127.0.0.35/intermediate.crt

[ v3_other ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:mail.other.example
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[ ca ]
default_ca = CA_default

[ CA_default ]
dir = .
database = ./index.txt
new_certs_dir = ./newcerts
serial = ./serial
default_md = sha256
policy = policy_any
unique_subject = no
email_in_dn = no
copy_extensions = none

[ policy_any ]
commonName = supplied
`;

function generate(): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), "smtp-gate-certs-"));
  process.once("exit", () => {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  });
  writeFileSync(join(dir, "openssl.cnf"), CONFIG);
  const cnf = ["-config", "openssl.cnf"];
  const genKey = (name: string): void => {
    ossl(dir, ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", name]);
  };

  // CA
  genKey("ca.key");
  ossl(dir, [
    "req", ...cnf, "-x509", "-new", "-key", "ca.key", "-sha256", "-days", "30",
    "-subj", "/CN=smtp-gate test CA", "-extensions", "v3_ca", "-out", "ca.pem",
  ]);

  /** NAME.key, a request for `subject`, and NAME.pem signed by ISSUER.pem/ISSUER.key for 30 days. */
  const issue = (name: string, subject: string, issuer: string, serial: string, extensions: string): void => {
    genKey(`${name}.key`);
    ossl(dir, ["req", ...cnf, "-new", "-key", `${name}.key`, "-subj", subject, "-out", `${name}.csr`]);
    ossl(dir, [
      "x509", "-req", "-in", `${name}.csr`, "-CA", `${issuer}.pem`, "-CAkey", `${issuer}.key`,
      "-set_serial", serial, "-sha256", "-days", "30",
      "-extfile", "openssl.cnf", "-extensions", extensions, "-out", `${name}.pem`,
    ]);
  };

  // Valid server cert
  issue("server", "/CN=localhost", "ca", "0x1001", "v3_srv");

  // Expired server cert
  genKey("expired.key");
  ossl(dir, ["req", ...cnf, "-new", "-key", "expired.key", "-subj", "/CN=localhost", "-out", "expired.csr"]);
  if (supportsNotBefore(dir)) {
    ossl(dir, [
      "x509", "-req", "-in", "expired.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
      "-set_serial", "0x1002", "-sha256",
      "-not_before", "20200101000000Z", "-not_after", "20200201000000Z",
      "-extfile", "openssl.cnf", "-extensions", "v3_srv", "-out", "expired.pem",
    ]);
  } else {
    mkdirSync(join(dir, "newcerts"));
    writeFileSync(join(dir, "index.txt"), "");
    writeFileSync(join(dir, "serial"), "1002\n");
    ossl(dir, [
      "ca", "-batch", ...cnf, "-cert", "ca.pem", "-keyfile", "ca.key",
      "-in", "expired.csr", "-out", "expired.pem", "-notext",
      "-startdate", "20200101000000Z", "-enddate", "20200201000000Z",
      "-extfile", "openssl.cnf", "-extensions", "v3_srv",
    ]);
  }

  // Self-signed localhost cert
  genKey("self.key");
  ossl(dir, [
    "req", ...cnf, "-x509", "-new", "-key", "self.key", "-sha256", "-days", "30",
    "-subj", "/CN=localhost", "-extensions", "v3_self", "-out", "self.pem",
  ]);

  // Wrong name: signed by the CA, for mail.other.example only.
  issue("other", "/CN=mail.other.example", "ca", "0x1003", "v3_other");

  // Root → intermediate → leaf with AIA.
  genKey("root2.key");
  ossl(dir, [
    "req", ...cnf, "-x509", "-new", "-key", "root2.key", "-sha256", "-days", "30",
    "-subj", "/CN=smtp-gate test root", "-extensions", "v3_ca", "-out", "root2.pem",
  ]);
  issue("int", "/CN=smtp-gate test intermediate", "root2", "0x2001", "v3_int");
  issue("leaf2", "/CN=localhost", "int", "0x2002", "v3_srv_aia");

  const read = (name: string): string => readFileSync(join(dir, name), "utf8");
  return {
    caPem: read("ca.pem"),
    certPem: read("server.pem"),
    keyPem: read("server.key"),
    caFile: join(dir, "ca.pem"),
    expiredCertPem: read("expired.pem"),
    expiredKeyPem: read("expired.key"),
    selfSignedCertPem: read("self.pem"),
    selfSignedKeyPem: read("self.key"),
    wrongNameCertPem: read("other.pem"),
    wrongNameKeyPem: read("other.key"),
    chainRootFile: join(dir, "root2.pem"),
    chainIntermediatePem: read("int.pem"),
    chainLeafPem: read("leaf2.pem"),
    chainLeafKeyPem: read("leaf2.key"),
    dir,
  };
}
