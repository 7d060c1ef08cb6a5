"""lvsunit's `serve PORT TEXT`, the one invented command of the spec format.

Answers every HTTP request on TCP PORT, on every local address, with status
200 and the body TEXT followed by a newline, then closes the connection.
Returns as soon as the port listens; the server itself keeps running in the
background (in the host's network namespace) until the session is closed.
"""
import os
import socket
import sys


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: serve PORT TEXT\n")
        return 2
    try:
        port = int(sys.argv[1])
        if not 0 < port < 65536:
            raise ValueError
    except ValueError:
        sys.stderr.write("serve: invalid port: %s\n" % sys.argv[1])
        return 2
    body = (sys.argv[2] + "\n").encode()
    head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
            b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body))
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        server.bind(("0.0.0.0", port))
        server.listen(128)
    except OSError as e:
        sys.stderr.write("serve: port %d: %s\n" % (port, e.strerror))
        return 1
    if os.fork() > 0:
        os._exit(0)
    os.setsid()
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    while True:
        connection, _ = server.accept()
        try:
            connection.settimeout(5)
            request = b""
            while b"\r\n\r\n" not in request and len(request) < 65536:
                chunk = connection.recv(4096)
                if not chunk:
                    break
                request += chunk
            connection.sendall(head + body)
        except OSError:
            pass
        finally:
            connection.close()


if __name__ == "__main__":
    sys.exit(main())
