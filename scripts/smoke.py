#!/usr/bin/env python3
"""Smoke test of a running DirectiveHub with the demo data: ready, sign in, draft, upload, download.

    python3 scripts/smoke.py http://127.0.0.1:8080 [--timeout 120]

Used by the container job in .github/workflows/ci.yml (against `docker compose up`) and by the unprivileged-run test
(tests/DirectiveHub.Tests/Operations), so both check the same steps. Standard library only.
"""
import argparse
import html.parser
import http.cookiejar
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Forms(html.parser.HTMLParser):
    """Every form with its attributes, hidden inputs and the options of its selects."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"attrs": a, "hidden": {}, "options": {}})
        elif not self.forms:
            return
        elif tag == "input" and a.get("type") == "hidden" and a.get("name"):
            self.forms[-1]["hidden"][a["name"]] = a.get("value", "")
        elif tag == "select":
            self._select = a.get("name")
            self.forms[-1]["options"].setdefault(self._select, [])
        elif tag == "option" and self._select and a.get("value"):
            self.forms[-1]["options"][self._select].append(a["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


class Session:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())

    def request(self, path, data=None, headers=None):
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(req, timeout=30) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def forms(self, path):
        status, _, body = self.request(path)
        expect(status == 200, f"GET {path} answered {status}")
        parser = Forms()
        parser.feed(body.decode("utf-8"))
        return parser.forms, body.decode("utf-8")

    def post_form(self, path, fields):
        return self.request(path, urllib.parse.urlencode(fields, doseq=True).encode(), {"Content-Type": "application/x-www-form-urlencoded"})


def expect(condition, message):
    if not condition:
        print(f"smoke: FAILED: {message}", file=sys.stderr)
        sys.exit(1)


def main():
    args = argparse.ArgumentParser()
    args.add_argument("base")
    args.add_argument("--timeout", type=float, default=120)
    args.add_argument("--email", default="clerk@demo.local")
    args.add_argument("--password", default="DirectiveHub!2026")
    options = args.parse_args()
    s = Session(options.base)

    deadline = time.monotonic() + options.timeout
    while True:
        try:
            status, _, body = s.request("/health/ready")
            if status == 200:
                break
        except OSError:
            status, body = None, b""
        expect(time.monotonic() < deadline, f"/health/ready did not answer 200 in {options.timeout}s (last {status} {body[:200]!r})")
        time.sleep(1)
    print("smoke: /health/ready 200", body.decode("utf-8", "replace"))

    forms, _ = s.forms("/Account/Login")
    login = next(f for f in forms if f["attrs"].get("method", "").lower() == "post")
    status, headers, _ = s.post_form("/Account/Login", {**login["hidden"], "Input.Email": options.email, "Input.Password": options.password})
    expect(status == 302, f"sign-in answered {status}")
    print("smoke: signed in as", options.email)

    forms, _ = s.forms("/Directives/Edit")
    edit = next(f for f in forms if "Input.RecipientOrganizationIds" in f["options"])
    recipient = edit["options"]["Input.RecipientOrganizationIds"][0]
    action = (edit["attrs"].get("action") or "/Directives/Edit").replace("&amp;", "&")
    status, headers, answer = s.post_form(action, {
        **edit["hidden"],
        "Input.DocumentType": "KH",
        "Input.Subject": "kiểm tra triển khai hệ thống",
        "Input.RecipientOrganizationIds": recipient,
        "Input.Signer.Name": "Nguyễn Văn A",
    })
    errors = re.findall(r'class="(?:text-danger|alert alert-danger)[^"]*"[^>]*>([^<]+)<', answer.decode("utf-8", "replace"))
    expect(status == 302, f"saving a draft answered {status}: {errors}")
    details = urllib.parse.urlparse(headers["Location"]).path
    print("smoke: draft", details)

    forms, _ = s.forms(details)
    upload = next(f for f in forms if f["attrs"].get("enctype") == "multipart/form-data")
    boundary = uuid.uuid4().hex
    body = b"".join([
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{upload['hidden']['__RequestVerificationToken']}\r\n".encode(),
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"smoke.pdf\"\r\nContent-Type: application/pdf\r\n\r\n".encode(),
        PDF,
        f"\r\n--{boundary}--\r\n".encode(),
    ])
    status, _, _ = s.request(details + "?handler=Upload", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    expect(status == 302, f"upload answered {status}")

    _, page = s.forms(details)
    link = re.search(r"/Directives/Attachment/[0-9a-f-]{36}", page)
    expect(link is not None, "the uploaded attachment is not listed")
    status, _, content = s.request(link.group(0))
    expect(status == 200 and content == PDF, f"download answered {status} with {len(content)} bytes")
    print("smoke: uploaded and downloaded", link.group(0))


if __name__ == "__main__":
    main()
