"""A large synthetic capture for `make bench`: N packets of TCP conversations on Ethernet/IPv4
(handshake, data both ways with a retransmission now and then, FIN), written as a classic pcap
with a 96-byte snap length (headers and a little payload, as `tcpdump -s 96` takes).
usage: gen-capture.py OUT.pcap [PACKETS] (default 1,000,000: about 100 MB)"""
import random, struct, sys

out, total = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
r = random.Random(7)

def frame(src, dst, sport, dport, seq, ack, flags, payload):
    tcp = struct.pack(">HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0) + payload
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 0, 0x4000, 64, 6, 0, bytes(src), bytes(dst))
    return b"\x02\0\0\0\0\x02\x02\0\0\0\0\x01\x08\x00" + ip + tcp

with open(out, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 96, 1))
    t, n, conv = 1_700_000_000.0, 0, 0
    payload = bytes(r.randrange(256) for _ in range(1448))
    while n < total:
        conv += 1
        a, b = [10, 0, conv // 250 % 250, conv % 250 + 1], [10, 1, 0, 1]
        sp, dp = 10000 + conv % 50000, 443
        cs, ss = r.randrange(2**32), r.randrange(2**32)
        pkts = [(a, b, sp, dp, cs, 0, 0x02, b""), (b, a, dp, sp, ss, cs + 1, 0x12, b""), (a, b, sp, dp, cs + 1, ss + 1, 0x10, b"")]
        seq = cs + 1
        for i in range(r.randint(50, 1500)):
            size = r.choice([100, 600, 1448])
            pkts.append((a, b, sp, dp, seq, ss + 1, 0x18, payload[:size]))
            if r.random() < 0.01:
                pkts.append((a, b, sp, dp, seq, ss + 1, 0x18, payload[:size]))   # a retransmission
            seq += size
            if i % 2:
                pkts.append((b, a, dp, sp, ss + 1, seq, 0x10, b""))
        pkts += [(a, b, sp, dp, seq, ss + 1, 0x11, b""), (b, a, dp, sp, ss + 1, seq + 1, 0x11, b""), (a, b, sp, dp, seq + 1, ss + 2, 0x10, b"")]
        for p in pkts:
            if n >= total: break
            data = frame(*p)
            t += 0.00005
            f.write(struct.pack("<IIII", int(t), int((t % 1) * 1e6), min(len(data), 96), len(data)) + data[:96])
            n += 1
print(f"{out}: {n} packets in {conv} TCP conversations")
