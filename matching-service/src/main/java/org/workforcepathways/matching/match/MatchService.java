package org.workforcepathways.matching.match;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientException;

import org.workforcepathways.matching.directory.DirectoryLookup;
import org.workforcepathways.matching.directory.DirectoryPage;
import org.workforcepathways.matching.intake.IntakeRequest;
import org.workforcepathways.matching.pathway.Pathway;

/**
 * Answers an intake: picks the pathways worth a look, reads the directory near the person for them and for each
 * barrier (in parallel, live, no copies), and ranks. Only the intake reaches the matcher; demographics stop here.
 * When the directory cannot answer, the pathways still come back, without programs, with a notice saying so.
 */
@Service
public class MatchService {

	private static final Logger log = LoggerFactory.getLogger(MatchService.class);

	private static final int PATHWAYS = 3;

	private static final int PER_CATEGORY = 30;

	private final DirectoryLookup directory;

	private final Matcher matcher;

	private final Clock clock;

	MatchService(DirectoryLookup directory, Matcher matcher, Clock clock) {
		this.directory = directory;
		this.matcher = matcher;
		this.clock = clock;
	}

	public MatchResult match(IntakeRequest request) {
		var intake = request.intake();
		List<Pathway> chosen = matcher.shortlist(intake, PATHWAYS);
		Set<String> categories = Matcher.categoriesFor(chosen, intake);
		Map<String, List<DirectoryPage.Listing>> listings = new HashMap<>();
		Set<String> unavailable = new java.util.TreeSet<>();
		try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
			Map<String, Future<DirectoryPage>> pending = new HashMap<>();
			for (String category : categories) {
				pending.put(category, calls.submit(() -> directory.near(null, category, intake.travel().zip(),
						intake.travel().radiusMiles(), PER_CATEGORY)));
			}
			for (var e : pending.entrySet()) {
				try {
					listings.put(e.getKey(), e.getValue().get().results());
				}
				catch (java.util.concurrent.ExecutionException ex) {
					if (!(ex.getCause() instanceof RestClientException)) {
						throw new IllegalStateException(ex.getCause());
					}
					unavailable.add(e.getKey());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					unavailable.add(e.getKey());
				}
			}
		}
		if (!unavailable.isEmpty()) {
			log.warn("matching without the directory for {} of {} categories", unavailable.size(), categories.size());
		}
		return matcher.rank(intake, new ArrayList<>(chosen), listings, unavailable, LocalDate.now(clock));
	}

}
