import CCurl
import NetSim

/// `nettutor journey URL --live`: a real fetch with libcurl, measured the way curl's
/// `--write-out` timings are (cumulative from the start), so the journey can play with them.
public enum LiveFetch {
    public struct Options: Sendable {
        public var timeout: Double = 10     // seconds
        public var insecure = false         // accept self-signed certificates
        public init() {}
    }

    /// Collects what the verbose log says (the TLS version) without printing it.
    final class Log {
        var tlsVersion: String?
    }

    /// libcurl, opened on the first live fetch (never at start-up) and initialized once (a
    /// lazy global: thread-safe; the pointers never change after); or why
    /// it cannot be used, in words that say what to install.
    nonisolated(unsafe) static let library: Result<nt_curl, LibraryMissing> = {
        var api = nt_curl()
        if let problem = nt_curl_load(&api) { return .failure(LibraryMissing(detail: String(cString: problem))) }
        _ = api.global_init(Int(CURL_GLOBAL_DEFAULT))
        return .success(api)
    }()

    public struct LibraryMissing: Error, CustomStringConvertible {
        public let detail: String
        public var description: String {
            "a live fetch needs libcurl, which could not be loaded (\(detail)); install it (Debian/Ubuntu: sudo apt-get install libcurl4), or leave out --live for the modelled journey"
        }
    }

    /// Why live fetches cannot run on this machine (nil: they can).
    public static var unavailable: LibraryMissing? {
        if case .failure(let missing) = library { return missing }
        return nil
    }

    public static func fetch(_ url: String, options: Options = Options()) -> MeasuredFetch {
        let api: nt_curl
        switch library {
        case .failure(let missing): return failed(.url, missing.description)
        case .success(let loaded): api = loaded
        }
        guard let c = api.easy_init() else {
            return failed(.url, "libcurl could not start")
        }
        defer { api.easy_cleanup(c) }
        let log = Log()
        let logPointer = Unmanaged.passUnretained(log).toOpaque()
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let https = url.lowercased().hasPrefix("https://")
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            _ = nt_setopt_string(api, c, CURLOPT_URL, url)
            _ = nt_setopt_pointer(api, c, CURLOPT_ERRORBUFFER, buffer.baseAddress)
            _ = nt_setopt_long(api, c, CURLOPT_TIMEOUT_MS, Int(options.timeout * 1000))
            _ = nt_setopt_long(api, c, CURLOPT_CONNECTTIMEOUT_MS, Int(options.timeout * 1000))
            _ = nt_setopt_long(api, c, CURLOPT_NOSIGNAL, 1)
            // The journey is the direct one: no proxy from the environment.
            _ = nt_setopt_string(api, c, CURLOPT_PROXY, "")
            _ = nt_setopt_long(api, c, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
            _ = nt_setopt_string(api, c, CURLOPT_USERAGENT, "nettutor-journey")
            if options.insecure {
                _ = nt_setopt_long(api, c, CURLOPT_SSL_VERIFYPEER, 0)
                _ = nt_setopt_long(api, c, CURLOPT_SSL_VERIFYHOST, 0)
            }
            // The body is counted by libcurl (SIZE_DOWNLOAD) and thrown away.
            _ = nt_setopt_write(api, c) { _, size, count, _ in size * count }
            _ = nt_setopt_long(api, c, CURLOPT_VERBOSE, 1)
            _ = nt_setopt_pointer(api, c, CURLOPT_DEBUGDATA, logPointer)
            _ = nt_setopt_debug(api, c) { _, type, data, size, user in
                guard type == CURLINFO_TEXT, let data, let user else { return 0 }
                let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
                // "SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384"
                if let r = text.split(separator: " ").first(where: { $0.hasPrefix("TLSv1.") }) {
                    Unmanaged<Log>.fromOpaque(user).takeUnretainedValue().tlsVersion = String(r)
                }
                return 0
            }
            return api.easy_perform(c)
        }

        func time(_ info: CURLINFO) -> Double {
            var v: curl_off_t = 0
            _ = nt_getinfo_offset(api, c, info, &v)
            return Double(v) / 1000  // µs → ms
        }
        var status = 0, port = 0, version = 0
        _ = nt_getinfo_long(api, c, CURLINFO_RESPONSE_CODE, &status)
        _ = nt_getinfo_long(api, c, CURLINFO_PRIMARY_PORT, &port)
        _ = nt_getinfo_long(api, c, CURLINFO_HTTP_VERSION, &version)
        var ipPointer: UnsafeMutablePointer<CChar>?
        _ = nt_getinfo_string(api, c, CURLINFO_PRIMARY_IP, &ipPointer)
        var size: curl_off_t = 0
        _ = nt_getinfo_offset(api, c, CURLINFO_SIZE_DOWNLOAD_T, &size)
        let lookup = time(CURLINFO_NAMELOOKUP_TIME_T), connect = time(CURLINFO_CONNECT_TIME_T)
        let appConnect = time(CURLINFO_APPCONNECT_TIME_T), start = time(CURLINFO_STARTTRANSFER_TIME_T), total = time(CURLINFO_TOTAL_TIME_T)
        let httpVersion = switch version {
        case Int(CURL_HTTP_VERSION_1_0): "HTTP/1.0"
        case Int(CURL_HTTP_VERSION_2_0): "HTTP/2"
        case 30: "HTTP/3"
        default: "HTTP/1.1"
        }
        var m = MeasuredFetch(nameLookup: lookup, connect: connect, tlsDone: https ? appConnect : connect, startTransfer: start, total: total,
                              remoteIP: ipPointer.map { String(cString: $0) } ?? "", remotePort: port, httpVersion: httpVersion,
                              tlsVersion: https ? log.tlsVersion : nil, status: status, bytes: Int(size))
        if code != CURLE_OK {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let message = detail.isEmpty ? api.easy_strerror(code).map { String(cString: $0) } ?? "libcurl error \(code.rawValue)" : detail
            m.failure = (stage(of: code, lookup: lookup, connect: connect, appConnect: appConnect, https: https), message)
        }
        return m
    }

    /// Where in the journey a libcurl error happened.
    static func stage(of code: CURLcode, lookup: Double, connect: Double, appConnect: Double, https: Bool) -> JourneyStage {
        switch code {
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: return .url
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .dns
        case CURLE_COULDNT_CONNECT: return .tcp
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return .tls
        case CURLE_OPERATION_TIMEDOUT:
            if lookup == 0 { return .dns }
            if connect == 0 { return .tcp }
            if https && appConnect == 0 { return .tls }
            return .http
        default:
            if connect == 0 { return .tcp }
            return https && appConnect == 0 ? .tls : .http
        }
    }

    static func failed(_ stage: JourneyStage, _ message: String) -> MeasuredFetch {
        var m = MeasuredFetch(nameLookup: 0, connect: 0, tlsDone: 0, startTransfer: 0, total: 0, remoteIP: "", remotePort: 0,
                              httpVersion: "", tlsVersion: nil, status: 0, bytes: 0)
        m.failure = (stage, message)
        return m
    }
}
