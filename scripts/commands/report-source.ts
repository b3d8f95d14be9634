/**
 * Picks where `vmgov report` reads findings from: a scan report export,
 * offline detection files, or the Qualys API (simulator or real).
 */
import type { StateStore } from '../delivery/state-store.ts';
import { UsageError } from '../errors.ts';
import { openApiSource } from '../findings/api-source.ts';
import { openDetectionFiles } from '../findings/detection-file-source.ts';
import type { FindingsSource } from '../findings/model.ts';
import { openScanReport } from '../findings/scan-report-source.ts';
import { log } from '../output/logger.ts';
import type { PolicyModel } from '../policy/model.ts';
import { openQualys, type QualysOptions } from './qualys-connection.ts';

export interface SourceOptions extends QualysOptions {
  root: string;
  detections?: string[];
  kb?: string[];
  scanReport?: string;
}

/**
 * @throws UsageError when sources conflict or --kb comes alone; the
 * source's own errors when it cannot be opened.
 */
export async function openReportSource(
  options: SourceOptions,
  model: PolicyModel,
  store: StateStore,
): Promise<{ source: FindingsSource; close(): Promise<void> }> {
  const none = () => Promise.resolve();
  if (options.scanReport && options.detections) {
    throw new UsageError(
      '--scan-report and --detections cannot be used together',
      {
        hint: 'give one source of findings',
      },
    );
  }
  if (options.kb && !options.detections) {
    throw new UsageError('--kb needs --detections', {
      hint: 'add the host list detection files the KnowledgeBase files go with',
    });
  }
  if (options.scanReport) {
    return { source: await openScanReport(options.scanReport), close: none };
  }
  if (options.detections) {
    if (!options.kb) {
      log.warn('no --kb given: titles and KnowledgeBase texts are missing', {
        hint: 'add --kb with the KnowledgeBase XML for the QIDs seen',
      });
    }
    return {
      source: openDetectionFiles(options.detections, options.kb ?? []),
      close: none,
    };
  }
  const qualys = await openQualys(options, options.root);
  return {
    source: openApiSource(qualys.client, model, { cache: store }),
    close: () => qualys.close(),
  };
}
