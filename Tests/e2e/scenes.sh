# Sourced by run.sh. The dialogue-protocol scenes (TLS, QUIC, HOL, DNS, CORS, WebSocket, DHCP/ARP, Nagle) in the real player, in Korean at 80x24: each
# opens with its Korean title and Korean lanes, steps to its first message, takes a drop (d)
# and shows the loss mark, and quits cleanly.
scene_case() {  # scene_case ID KOREAN_TITLE KOREAN_LANE FIRST_LABEL
  keys "clear; $BIN play $1 --lang ko --data-dir $WORK/data; echo EXIT=\$?" Enter
  expect_screen "$1: opens with its Korean title" "장면: $2"
  expect_screen "$1: lanes in Korean" "$3"
  keys d
  expect_screen "$1: d names the message it will drop" "떨어뜨림: "
  # Step one event at a time, looking after each: the view follows the cursor.
  seen_label=0; seen_loss=0; seen_resend=0
  for _ in $(seq 1 60); do
    keys Right; sleep 0.08; s=$(screen)
    case "$s" in *"$4"*) seen_label=1;; esac
    case "$s" in *"✕"*) seen_loss=1;; esac
    case "$s" in *"↻#"*) seen_resend=1; break;; esac
  done
  if [ $seen_label = 1 ]; then ok "$1: the first message is on its arrow"; else fail "$1: no '$4' while stepping" "$(screen)"; fi
  if [ $seen_loss = 1 ]; then ok "$1: the dropped message is marked where it is lost"; else fail "$1: no loss mark while stepping" "$(screen)"; fi
  if [ $seen_resend = 1 ]; then ok "$1: and it is sent again, marked as a retransmission"; else fail "$1: no retransmission while stepping" "$(screen)"; fi
  keys q
  expect_screen "$1: q leaves the player" "EXIT=0"
}
scene_case tls13-handshake "TLS 1.3 핸드셰이크" "클라이언트" "#1 SYN"
scene_case quic-handshake "QUIC 핸드셰이크" "서버" "#1 Initial[0]"
scene_case h2-vs-h3-hol "HTTP/2와 HTTP/3의 HOL 블로킹" "H2 클라이언트" "#1 A1"
scene_case dns-resolution "DNS 이름 풀이" "리졸버" "#1"
scene_case cors-preflight "CORS preflight" "브라우저" "#1 OPTIONS"
scene_case websocket-upgrade "WebSocket 업그레이드" "클라이언트" "#1 GET /chat"
scene_case dhcp-arp "DHCP로 주소 받기와 ARP" "게이트웨이" "#1 DISCOVER"
scene_case tcp-nagle-delayed-ack "Nagle과 지연 ACK" "서버" "#1 DATA"
