"""Logs in with settings read back from a mail program's files, through Python's own IMAP and SMTP
clients (not the app's engine), as the end-to-end tests' independent witness.

Reads one JSON document on stdin:
  {"hosts": {"mail.good.test": "127.0.10.1"}, "ca": "<PEM file>", "password": "...",
   "insecure": ["mail.expired.test"],
   "incoming": {"protocol": "imap", "host": ..., "port": 993, "security": "tls", "username": ...},
   "outgoing": {"protocol": "smtp", ...}}
Host names resolve through "hosts" only (the lab's names are known to its DNS server alone);
certificates are checked against the lab CA and the host name, except on hosts in "insecure"
(the person accepted that risk in the wizard). Prints {"incoming": "ok"|error, "outgoing": ...}.
"""
import imaplib
import json
import smtplib
import socket
import ssl
import sys

request = json.load(sys.stdin)
hosts = request["hosts"]
real_getaddrinfo = socket.getaddrinfo


def lab_getaddrinfo(host, *args, **kwargs):
    return real_getaddrinfo(hosts.get(host, host), *args, **kwargs)


socket.getaddrinfo = lab_getaddrinfo


def context_for(host):
    context = ssl.create_default_context(cafile=request["ca"])
    if host in request.get("insecure", []):
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def imap_login(e):
    if e["security"] == "tls":
        client = imaplib.IMAP4_SSL(e["host"], e["port"], ssl_context=context_for(e["host"]), timeout=10)
    else:
        client = imaplib.IMAP4(e["host"], e["port"], timeout=10)
        if e["security"] == "starttls":
            client.starttls(ssl_context=context_for(e["host"]))
    client.login(e["username"], request["password"])
    client.select("INBOX")
    client.logout()


def smtp_login(e):
    if e["security"] == "tls":
        client = smtplib.SMTP_SSL(e["host"], e["port"], context=context_for(e["host"]), timeout=10)
    else:
        client = smtplib.SMTP(e["host"], e["port"], timeout=10)
        client.ehlo()
        if e["security"] == "starttls":
            client.starttls(context=context_for(e["host"]))
            client.ehlo()
    client.login(e["username"], request["password"])
    client.quit()


result = {}
for side, login in (("incoming", imap_login), ("outgoing", smtp_login)):
    try:
        login(request[side])
        result[side] = "ok"
    except Exception as error:  # the test prints what went wrong
        result[side] = f"{type(error).__name__}: {error}"
print(json.dumps(result))
