package org.workforcepathways.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Small network checks for health and port conflicts; loopback only. */
final class Net {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Net() {
	}

	static boolean portBusy(int port) {
		try (ServerSocket s = new ServerSocket()) {
			s.setReuseAddress(true);
			s.bind(new InetSocketAddress("127.0.0.1", port));
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	static boolean accepts(int port) {
		try (Socket s = new Socket()) {
			s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static int status(String url) {
		try {
			HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.discarding());
			return r.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	static boolean ok(String url) {
		int s = status(url);
		return s >= 200 && s < 300;
	}

}
