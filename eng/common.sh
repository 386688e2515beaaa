# Helpers shared by the scripts that play X against a local receiver (source it; needs python3, openssl, curl).

# A free TCP port on 127.0.0.1.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# X's signature of a file's exact bytes: sha256=<base64 HMAC-SHA256(secret, bytes)>.
x_signature() { # secret file
  printf 'sha256=%s' "$(openssl dgst -sha256 -hmac "$1" -binary <"$2" | base64)"
}

# POSTs a file as X would, correctly signed; prints the HTTP status.
x_signed_post() { # secret file url
  curl -s -o /dev/null -w '%{http_code}' -H "x-twitter-webhooks-signature: $(x_signature "$1" "$2")" \
    -H 'content-type: application/json' --data-binary "@$2" "$3"
}
