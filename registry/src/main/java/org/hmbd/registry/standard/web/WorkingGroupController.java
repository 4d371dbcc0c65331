package org.hmbd.registry.standard.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.standard.WorkingGroups;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/working-groups")
class WorkingGroupController {

    private final WorkingGroups groups;

    WorkingGroupController(WorkingGroups groups) {
        this.groups = groups;
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/{id}")
    WorkingGroups.WorkingGroup get(@PathVariable long id) {
        return groups.get(id);
    }

    @Permits(Permission.SIGNED_IN)
    @PostMapping("/{id}/members")
    WorkingGroups.WorkingGroup addMember(Actor actor, @PathVariable long id,
                                         @RequestBody WorkingGroups.MemberRequest req) {
        return groups.addMember(actor, id, req);
    }

    @Permits(Permission.SIGNED_IN)
    @DeleteMapping("/{id}/members/{userId}")
    WorkingGroups.WorkingGroup removeMember(Actor actor, @PathVariable long id, @PathVariable long userId) {
        return groups.removeMember(actor, id, userId);
    }
}
