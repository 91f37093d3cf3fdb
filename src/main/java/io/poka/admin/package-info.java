/**
 * The QA managers' web UI: server-rendered Qute pages that read every module through its public API and act
 * through the modules' own REST endpoints, so the UI owns no data and adds no rules of its own.
 */
package io.poka.admin;
