package org.workforcepathways.metrics.landing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.springframework.stereotype.Component;

/** QR codes of campaign links, as PNG for print shops and SVG for designers (scales without blur). */
@Component
class QrCodes {

	// medium correction survives a scuffed poster; a 4-module quiet zone is what scanners expect
	private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION,
			ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4, EncodeHintType.CHARACTER_SET, "UTF-8");

	byte[] png(String text, int size) {
		try (var out = new ByteArrayOutputStream()) {
			MatrixToImageWriter.writeToStream(matrix(text, size), "PNG", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String svg(String text) {
		BitMatrix m = matrix(text, 0);
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < m.getHeight(); y++) {
			for (int x = 0; x < m.getWidth(); x++) {
				if (m.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %1$d %2$d" shape-rendering="crispEdges" role="img">
				<title>%3$s</title>
				<rect width="%1$d" height="%2$d" fill="#fff"/>
				<path fill="#000" d="%4$s"/>
				</svg>
				""".formatted(m.getWidth(), m.getHeight(), escape(text), path);
	}

	private static BitMatrix matrix(String text, int size) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, HINTS);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("cannot encode a QR code: " + ex.getMessage(), ex);
		}
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
