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


def imap_login(client, user):
    client.login(user, password)
    client.logout()


def pop3_login(client, user):
    client.user(user)
    client.pass_(password)
    client.quit()


def smtp_login(client, user):
    client.login(user, password)
    client.quit()


# protocol: (implicit-TLS client, plain client, STARTTLS upgrade, login and goodbye)
CLIENTS = {
    "imap": (
        lambda h, p: imaplib.IMAP4_SSL(h, p, ssl_context=context, timeout=TIMEOUT),
        lambda h, p: imaplib.IMAP4(h, p, timeout=TIMEOUT),
        lambda c: c.starttls(ssl_context=context),
        imap_login,
    ),
    "pop3": (
        lambda h, p: poplib.POP3_SSL(h, p, context=context, timeout=TIMEOUT),
        lambda h, p: poplib.POP3(h, p, timeout=TIMEOUT),
        lambda c: c.stls(context=context),
        pop3_login,
    ),
    "smtp": (
        lambda h, p: smtplib.SMTP_SSL(h, p, context=context, timeout=TIMEOUT),
        lambda h, p: smtplib.SMTP(h, p, timeout=TIMEOUT),
        lambda c: c.starttls(context=context),
        smtp_login,
    ),
}


def login(ep):
    implicit, plain, upgrade, finish = CLIENTS[ep["protocol"]]
    if ep["socketType"] == 3:
        client = implicit(ep["host"], ep["port"])
    else:
        client = plain(ep["host"], ep["port"])
        if ep["socketType"] == 2:
            upgrade(client)
    finish(client, ep["username"])


results = []
for endpoint in request["endpoints"]:
    try:
        login(endpoint)
        results.append({"protocol": endpoint["protocol"], "ok": True})
    except Exception as error:  # noqa: BLE001 - every failure is a result
        results.append({"protocol": endpoint["protocol"], "ok": False, "error": repr(error)})
print(json.dumps({"results": results}))
