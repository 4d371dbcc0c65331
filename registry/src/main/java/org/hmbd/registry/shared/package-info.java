/** Types every feature shares: typed failures, pages, the current actor. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.hmbd.registry.shared;
