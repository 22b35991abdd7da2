//! A tiny HTTP/1.1 server on raw TCP, for the faults httpmock cannot express: a reset
//! connection, a connection dropped after the request was applied, a body cut short, a
//! slow drip, a server that never answers, a response without a `Date` header, a proxy.
//!
//! It listens on 127.0.0.1 only, serves one request per connection (`Connection: close`),
//! and every loop is bounded: at most `max_connections`, and nothing runs past
//! [`LIFETIME`].

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// No server thread outlives this, whatever the test does.
const LIFETIME: Duration = Duration::from_secs(60);

/// A request as the server read it.
#[derive(Debug, Clone)]
pub struct RawRequest {
    /// The request line, e.g. `GET /api/v1/... HTTP/1.1`.
    pub line: String,
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What to do with one connection, once its request has been read.
pub enum Reply {
    /// Write these bytes (a whole response) and close.
    Bytes(Vec<u8>),
    /// Close without a word (FIN).
    Close,
    /// Reset the connection (RST) without a word.
    Reset,
    /// Write these bytes (a response cut short), then reset.
    BytesThenReset(Vec<u8>),
    /// Write `head`, then `body` one byte every `every`, until the client goes away.
    Drip {
        head: Vec<u8>,
        body: Vec<u8>,
        every: Duration,
    },
    /// Say nothing and keep the connection open until the client goes away (at most `for_`).
    Hang { for_: Duration },
}

pub struct RawServer {
    pub url: String,
    pub port: u16,
    stop: Arc<AtomicBool>,
    requests: Arc<Mutex<Vec<RawRequest>>>,
    handle: Option<JoinHandle<()>>,
}

impl RawServer {
    /// Serve up to `max_connections` connections, answering each with `script(n, request)`
    /// (`n` counts from 0).
    pub fn start(
        max_connections: usize,
        mut script: impl FnMut(usize, &RawRequest) -> Reply + Send + 'static,
    ) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("local addr").port();
        listener.set_nonblocking(true).expect("nonblocking");
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (stop2, requests2) = (stop.clone(), requests.clone());
        let handle = std::thread::spawn(move || {
            let started = Instant::now();
            let mut served = 0;
            while served < max_connections
                && !stop2.load(Ordering::SeqCst)
                && started.elapsed() < LIFETIME
            {
                let stream = match listener.accept() {
                    Ok((stream, _)) => stream,
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5));
                        continue;
                    }
                    Err(_) => break,
                };
                let _ = stream.set_nonblocking(false);
                let Some(request) = read_request(&stream) else {
                    continue;
                };
                requests2.lock().unwrap().push(request.clone());
                let reply = script(served, &request);
                served += 1;
                serve(stream, reply, &stop2);
            }
        });
        RawServer {
            url: format!("http://127.0.0.1:{port}"),
            port,
            stop,
            requests,
            handle: Some(handle),
        }
    }

    /// Stop serving and return every request read.
    pub fn finish(mut self) -> Vec<RawRequest> {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

fn read_request(mut stream: &TcpStream) -> Option<RawRequest> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        if data.len() > 64 * 1024 {
            return None;
        }
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&data[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let line = lines.next()?.to_string();
    let mut parts = line.split(' ');
    let method = parts.next()?.to_string();
    let path = parts.next()?.to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = data[head_end..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&buf[..n]);
    }
    Some(RawRequest {
        line,
        method,
        path,
        headers,
        body,
    })
}

fn reset(stream: TcpStream) {
    let _ = socket2::SockRef::from(&stream).set_linger(Some(Duration::ZERO));
    drop(stream);
}

fn serve(mut stream: TcpStream, reply: Reply, stop: &AtomicBool) {
    match reply {
        Reply::Bytes(bytes) => {
            let _ = stream.write_all(&bytes);
            let _ = stream.flush();
            let _ = stream.shutdown(std::net::Shutdown::Write);
            // Let the client read everything before the socket goes away.
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let mut sink = [0u8; 1024];
            while matches!(stream.read(&mut sink), Ok(n) if n > 0) {}
        }
        Reply::Close => drop(stream),
        Reply::Reset => reset(stream),
        Reply::BytesThenReset(bytes) => {
            let _ = stream.write_all(&bytes);
            let _ = stream.flush();
            std::thread::sleep(Duration::from_millis(50));
            reset(stream);
        }
        Reply::Drip { head, body, every } => {
            if stream.write_all(&head).is_err() {
                return;
            }
            for byte in body {
                if stop.load(Ordering::SeqCst) || stream.write_all(&[byte]).is_err() {
                    return;
                }
                std::thread::sleep(every);
            }
        }
        Reply::Hang { for_ } => {
            let until = Instant::now() + for_.min(LIFETIME);
            let _ = stream.set_read_timeout(Some(Duration::from_millis(50)));
            let mut sink = [0u8; 1024];
            while Instant::now() < until && !stop.load(Ordering::SeqCst) {
                match stream.read(&mut sink) {
                    Ok(0) => return, // the client gave up
                    Ok(_) => {}
                    Err(e)
                        if matches!(
                            e.kind(),
                            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                        ) => {}
                    Err(_) => return,
                }
            }
        }
    }
}

/// A whole response with `Content-Length` and `Connection: close`, and no `Date`.
pub fn response(status: &str, headers: &[(&str, String)], body: &[u8]) -> Reply {
    let mut out = format!("HTTP/1.1 {status}\r\n");
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    Reply::Bytes(bytes)
}

/// A JSON response.
pub fn json(status: &str, headers: &[(&str, String)], body: &serde_json::Value) -> Reply {
    let mut all = vec![("Content-Type", "application/json".to_string())];
    all.extend(headers.iter().cloned());
    response(status, &all, body.to_string().as_bytes())
}
