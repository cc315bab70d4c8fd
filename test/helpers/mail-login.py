"""An independent mail client for tests: logs in with given settings using Python's own imaplib,
poplib and smtplib (not our engine, not Node), verifying TLS against a given CA.

Reads one JSON document on standard input:
  {"ca": "<CA file>", "addresses": {"mail.good.test": "127.0.10.1"}, "password": "...",
   "endpoints": [{"protocol": "imap|pop3|smtp", "host": "...", "port": 993,
                  "socketType": 0|2|3, "username": "..."}]}
(socketType as Thunderbird stores it: 0 plain, 2 STARTTLS, 3 SSL/TLS). `addresses` stands in
for DNS (the lab's names are not in the system resolver); TLS still checks the host name.
Prints {"results": [{"protocol": ..., "ok": true|false, "error": "..."}]}.
"""
import imaplib
import json
import poplib
import smtplib
import socket
import ssl
import sys

request = json.load(sys.stdin)
addresses = request.get("addresses", {})
real_getaddrinfo = socket.getaddrinfo


def lab_getaddrinfo(host, *args, **kwargs):
    return real_getaddrinfo(addresses.get(host, host), *args, **kwargs)


socket.getaddrinfo = lab_getaddrinfo
context = ssl.create_default_context(cafile=request["ca"])
password = request["password"]
TIMEOUT = 15


def login(ep):
    host, port, kind, user = ep["host"], ep["port"], ep["socketType"], ep["username"]
    if ep["protocol"] == "imap":
        if kind == 3:
            client = imaplib.IMAP4_SSL(host, port, ssl_context=context, timeout=TIMEOUT)
        else:
            client = imaplib.IMAP4(host, port, timeout=TIMEOUT)
            if kind == 2:
                client.starttls(ssl_context=context)
        client.login(user, password)
        client.logout()
    elif ep["protocol"] == "pop3":
        if kind == 3:
            client = poplib.POP3_SSL(host, port, context=context, timeout=TIMEOUT)
        else:
            client = poplib.POP3(host, port, timeout=TIMEOUT)
            if kind == 2:
                client.stls(context=context)
        client.user(user)
        client.pass_(password)
        client.quit()
    elif ep["protocol"] == "smtp":
        if kind == 3:
            client = smtplib.SMTP_SSL(host, port, context=context, timeout=TIMEOUT)
        else:
            client = smtplib.SMTP(host, port, timeout=TIMEOUT)
            if kind == 2:
                client.starttls(context=context)
        client.login(user, password)
        client.quit()
    else:
        raise ValueError("unknown protocol " + str(ep["protocol"]))


results = []
for endpoint in request["endpoints"]:
    try:
        login(endpoint)
        results.append({"protocol": endpoint["protocol"], "ok": True})
    except Exception as error:  # noqa: BLE001 - every failure is a result
        results.append({"protocol": endpoint["protocol"], "ok": False, "error": repr(error)})
print(json.dumps({"results": results}))
